import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { RequestError } from '../lib/api.ts';
import { staffFetch } from '../lib/staff-api.ts';
import { StaffLayout } from '../staff/StaffLayout.tsx';

interface Member {
  id: number;
  email: string;
  role: 'researcher' | 'enumerator';
  addedAt: string;
}

interface Candidate {
  id: number;
  email: string;
  role: 'researcher' | 'enumerator';
}

/** Who works on a survey: its researchers (who run it) and the enumerators assigned to interview for it. */
export function MembersPage({ slug }: { slug: string }) {
  return (
    <StaffLayout roles={['admin', 'researcher']}>
      <Members slug={slug} />
    </StaffLayout>
  );
}

function Members({ slug }: { slug: string }) {
  const [members, setMembers] = useState<Member[] | undefined>();
  const [candidates, setCandidates] = useState<Candidate[]>([]);
  const [chosen, setChosen] = useState('');
  const [notice, setNotice] = useState<{ kind: 'error' | 'success'; text: string } | undefined>();
  const base = `/api/surveys/${encodeURIComponent(slug)}/members`;

  const load = useCallback(() => {
    staffFetch<{ members: Member[] }>(base).then((result) => setMembers(result.members),
      (failure: unknown) => setNotice({ kind: 'error', text: failure instanceof RequestError ? failure.message : 'The members could not be loaded.' }));
    staffFetch<{ accounts: Candidate[] }>(`${base}/candidates`).then((result) => setCandidates(result.accounts), () => setCandidates([]));
  }, [base]);
  useEffect(load, [load]);

  const change = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      setNotice({ kind: 'success', text: done });
      load();
    } catch (failure) {
      const details = failure instanceof RequestError ? failure.details?.map((detail) => detail.issue).join('; ') : undefined;
      setNotice({ kind: 'error', text: failure instanceof RequestError ? `${failure.message}${details ? ` (${details})` : ''}` : 'Nothing was changed (no connection?).' });
    }
  };
  const add = (event: FormEvent) => {
    event.preventDefault();
    const email = chosen.trim();
    void change(() => staffFetch(base, { method: 'POST', body: { email } }), `${email} added to ${slug}.`).then(() => setChosen(''));
  };
  const group = (role: Member['role']) => (members ?? []).filter((member) => member.role === role);

  return (
    <>
      <h1>Members of <code>{slug}</code></h1>
      <p className="actions"><Link href="/studio">All questionnaires</Link><Link href={`/studio/${slug}/builder`}>Builder</Link><Link href={`/studio/${slug}/monitor`}>Fieldwork monitor</Link></p>
      <p className="hint">Researchers who are members edit, publish and run this survey and read its microdata; enumerators who are members submit interviews for it. Admins manage every survey without being members.</p>
      {notice && <p className={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>{notice.text}</p>}
      <form className="panel form member-add" onSubmit={add}>
        <h2>Add a member</h2>
        <label htmlFor="member-email">Researcher or enumerator (e-mail of their account)</label>
        <input id="member-email" type="email" list="member-candidates" required value={chosen} onChange={(event) => setChosen(event.target.value)} aria-describedby="member-hint" />
        <datalist id="member-candidates">
          {candidates.map((candidate) => <option key={candidate.id} value={candidate.email}>{candidate.role}</option>)}
        </datalist>
        <p className="hint" id="member-hint">
          {candidates.length > 0 ? `Accounts that can be added: ${candidates.map((candidate) => `${candidate.email} (${candidate.role})`).join(', ')}.` : 'Every researcher and enumerator account is a member already.'} An admin creates accounts on the Users page.
        </p>
        <button type="submit" className="primary">Add member</button>
      </form>
      {members && (['researcher', 'enumerator'] as const).map((role) => (
        <table className="data-table" key={role}>
          <caption>{role === 'researcher' ? 'Researchers' : 'Enumerators'} ({group(role).length})</caption>
          <thead><tr><th scope="col">E-mail</th><th scope="col">Added</th><th scope="col">Actions</th></tr></thead>
          <tbody>
            {group(role).length === 0 && <tr><td colSpan={3}>{role === 'researcher' ? 'No researcher is a member yet.' : 'No enumerator is assigned yet.'}</td></tr>}
            {group(role).map((member) => (
              <tr key={member.id}>
                <td>{member.email}</td>
                <td>{member.addedAt.slice(0, 16).replace('T', ' ')}</td>
                <td><button type="button" className="small danger" onClick={() => void change(() => staffFetch(`${base}/${member.id}`, { method: 'DELETE' }), `${member.email} removed from ${slug}.`)}>
                  Remove<span className="visually-hidden"> {member.email}</span></button></td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </>
  );
}
