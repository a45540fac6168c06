import { t } from './scales.ts';
import type { Choice } from './types.ts';

/**
 * The ways residents reach the police, from DOMAIN.md (the background articles): face to face,
 * the emergency number 122 (112 does not work in BiH), a non-emergency line, the community
 * policing officer and safety meetings, the website, social media, an app, e-mail, an online
 * virtual office or chat, and the local authority. Values are permanent keys of the channel dimension.
 */
export const CHANNELS: Choice[] = [
  { value: 'station', text: t('Face to face at a police station', 'Lično, u policijskoj stanici', 'Osobno, u policijskoj postaji', 'Lično, u policijskoj stanici') },
  { value: 'patrol', text: t('Face to face with officers on patrol or in the street', 'Lično, s policajcima u patroli ili na ulici', 'Osobno, s policajcima u ophodnji ili na ulici', 'Lično, sa policajcima u patroli ili na ulici') },
  { value: 'phone_122', text: t('By phone, the emergency number 122', 'Telefonom, na broj za hitne slučajeve 122', 'Telefonom, na broj za hitne slučajeve 122', 'Telefonom, na broj za hitne slučajeve 122') },
  { value: 'phone_other', text: t('By phone, a police number that is not for emergencies', 'Telefonom, na policijski broj koji nije za hitne slučajeve', 'Telefonom, na policijski broj koji nije za hitne slučajeve', 'Telefonom, na policijski broj koji nije za hitne slučajeve') },
  { value: 'community_officer', text: t('The community police officer for my area', 'Policajac za rad u zajednici za moje područje', 'Kontakt-policajac za moje područje', 'Policajac za rad u zajednici za moje područje') },
  { value: 'safety_meeting', text: t('A local safety meeting', 'Sastanak o sigurnosti u mjesnoj zajednici', 'Sastanak o sigurnosti u mjesnoj zajednici', 'Sastanak o bezbjednosti u mjesnoj zajednici') },
  { value: 'website', text: t('The police website', 'Web stranica policije', 'Mrežna stranica policije', 'Veb-sajt policije') },
  { value: 'facebook', text: t("The police's Facebook page", 'Facebook stranica policije', 'Facebook stranica policije', 'Facebook stranica policije') },
  { value: 'other_social', text: t('Police accounts on other social media (X/Twitter, Instagram)', 'Profili policije na drugim društvenim mrežama (X/Twitter, Instagram)', 'Profili policije na drugim društvenim mrežama (X/Twitter, Instagram)', 'Profili policije na drugim društvenim mrežama (X/Twitter, Instagram)') },
  { value: 'app', text: t('A police mobile app', 'Mobilna aplikacija policije', 'Mobilna aplikacija policije', 'Mobilna aplikacija policije') },
  { value: 'email', text: t('E-mail', 'E-mail', 'E-pošta', 'Imejl (elektronska pošta)') },
  { value: 'online_office', text: t('An online virtual office or chat', 'Virtuelni ured ili chat na internetu', 'Virtualni ured ili chat na internetu', 'Virtuelna kancelarija ili čet na internetu') },
  { value: 'local_authority', text: t('Through the local authority (municipality)', 'Preko lokalne vlasti (općine)', 'Preko lokalne vlasti (općine)', 'Preko lokalne vlasti (opštine)') },
];

/** Traditional media, offered only as a way of receiving information from the police. */
export const MEDIA: Choice = { value: 'media', text: t('TV, radio or newspapers', 'Televizija, radio ili novine', 'Televizija, radio ili novine', 'Televizija, radio ili novine') };

/** Channels through which a non-urgent problem can be reported (not a meeting, not the local authority). */
export const REPORTING_CHANNELS: Choice[] = CHANNELS.filter((channel) => !['safety_meeting', 'patrol'].includes(String(channel.value)));

/** Channels through which the police can inform residents. */
export const INFORMATION_CHANNELS: Choice[] = [
  ...CHANNELS.filter((channel) => ['community_officer', 'safety_meeting', 'website', 'facebook', 'other_social', 'app', 'email', 'local_authority'].includes(String(channel.value))),
  MEDIA,
];
