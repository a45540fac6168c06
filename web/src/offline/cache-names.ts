/**
 * The service worker's runtime caches (web/vite.config.ts sets them up; the page reads and clears
 * them). Questionnaires are public; the staff cache holds what a signed-in enumerator needs
 * offline (who they are, their assigned surveys) and is emptied on sign-out.
 */
export const QUESTIONNAIRE_CACHE = 'trustlens-questionnaires-v1';
export const STAFF_CACHE = 'trustlens-staff-v1';

// Workbox tests these against the whole same-origin URL, and copies them into the worker as text.
/** GET /api/surveys (the list) and GET /api/surveys/<slug> (a published questionnaire), nothing under them. */
export const QUESTIONNAIRE_URL = /^[a-z]+:\/\/[^/]+\/api\/surveys(\/[^/?#]+)?(\?[^#]*)?$/;
/** Who is signed in, and the surveys they interview for. */
export const STAFF_URL = /^[a-z]+:\/\/[^/]+\/api\/(auth\/me|interviews)(\?[^#]*)?$/;
