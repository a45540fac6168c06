import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { RequestError } from '../lib/api.ts';
import { useSession, type SignedInUser } from '../lib/session.tsx';
import { staffFetch } from '../lib/staff-api.ts';
import { StaffLayout } from '../staff/StaffLayout.tsx';
import type { ManagedSurvey } from './StudioPage.tsx';

type Role = SignedInUser['role'];
const ROLES: Record<Role, string> = {
  admin: 'admin: everything, accounts included',
  researcher: 'researcher: runs the surveys they are members of',
  evaluator: 'evaluator: reads aggregates of every survey',
  enumerator: 'enumerator: interviews for the surveys they are assigned to',
};

interface Account {
  id: number;
  email: string;
  role: Role;
  createdAt: string;
  disabled: boolean;
}

type Notice = { kind: 'error' | 'success'; text: string; password?: string };

function failed(failure: unknown, fallback: string): Notice {
  if (!(failure instanceof RequestError)) return { kind: 'error', text: fallback };
  const details = failure.details?.map((detail) => `${detail.field}: ${detail.issue}`).join('; ');
  return { kind: 'error', text: details ? `${failure.message} (${details})` : failure.message };
}

/** Accounts, for admins: create one (optionally as a member of a survey), change its role, disable or enable it, reset its password. */
export function UsersPage() {
  return (
    <StaffLayout roles={['admin']}>
      <Users />
    </StaffLayout>
  );
}

function Users() {
  const { user: me } = useSession();
  const [accounts, setAccounts] = useState<Account[] | undefined>();
  const [surveys, setSurveys] = useState<ManagedSurvey[]>([]);
  const [notice, setNotice] = useState<Notice | undefined>();

  const load = useCallback(() => {
    staffFetch<{ users: Account[] }>('/api/users').then((result) => setAccounts(result.users), (failure: unknown) => setNotice(failed(failure, 'The accounts could not be loaded.')));
  }, []);
  useEffect(() => {
    load();
    staffFetch<{ surveys: ManagedSurvey[] }>('/api/manage/surveys').then((result) => setSurveys(result.surveys), () => setSurveys([]));
  }, [load]);

  const act = async (work: () => Promise<Notice>, fallback: string) => {
    try {
      setNotice(await work());
      load();
    } catch (failure) {
      setNotice(failed(failure, fallback));
    }
  };

  return (
    <>
      <h1>Users and roles</h1>
      {notice && (
        <div className={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
          <p>{notice.text}</p>
          {notice.password && (
            <p>Password, shown only this once: <code className="secret" data-testid="new-password">{notice.password}</code><br />
              <span className="hint">Give it to them in person or by a channel you trust; they sign in with it and can change it.</span></p>
          )}
        </div>
      )}
      <CreateAccount surveys={surveys} onCreate={(body, survey) => act(async () => {
        const created = await staffFetch<{ user: Account; password?: string }>('/api/users', { method: 'POST', body });
        if (survey) await staffFetch(`/api/surveys/${survey}/members`, { method: 'POST', body: { email: created.user.email } });
        return { kind: 'success', text: `Created ${created.user.role} account ${created.user.email}${survey ? `, member of ${survey}` : ''}.`, ...(created.password ? { password: created.password } : {}) };
      }, 'The account was not created (no connection?).')} />
      {accounts && (
        <table className="data-table">
          <caption>Accounts ({accounts.length})</caption>
          <thead><tr><th scope="col">E-mail</th><th scope="col">Role</th><th scope="col">Created</th><th scope="col">Status</th><th scope="col">Actions</th></tr></thead>
          <tbody>
            {accounts.map((account) => (
              <AccountRow key={account.id} account={account} self={account.id === me?.id}
                onRole={(role) => act(async () => {
                  await staffFetch(`/api/users/${account.id}`, { method: 'PATCH', body: { role } });
                  return { kind: 'success', text: `${account.email} is now ${role}; their sessions were ended, so they sign in again. Their API tokens wider than ${role} were revoked, and they are no longer a member of any survey (add them again where they should work).` };
                }, 'The role was not changed (no connection?).')}
                onDisabled={(disabled) => act(async () => {
                  await staffFetch(`/api/users/${account.id}`, { method: 'PATCH', body: { disabled } });
                  return { kind: 'success', text: disabled ? `${account.email} is disabled: they cannot sign in, and their sessions were ended.` : `${account.email} is enabled again.` };
                }, 'The account was not changed (no connection?).')}
                onReset={() => act(async () => {
                  const { password } = await staffFetch<{ password: string }>(`/api/users/${account.id}/password`, { method: 'POST' });
                  return { kind: 'success', text: `New password for ${account.email}; their sessions were ended.`, password };
                }, 'The password was not reset (no connection?).')} />
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function CreateAccount({ surveys, onCreate }: { surveys: ManagedSurvey[]; onCreate: (body: { email: string; role: Role }, survey: string) => Promise<void> }) {
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('researcher');
  const [survey, setSurvey] = useState('');
  const member = role === 'researcher' || role === 'enumerator';
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await onCreate({ email, role }, member ? survey : '');
    setEmail('');
    setSurvey('');
  };
  return (
    <form className="panel form create-account" onSubmit={submit}>
      <h2>New account</h2>
      <label htmlFor="new-email">E-mail</label>
      <input id="new-email" type="email" required value={email} onChange={(event) => setEmail(event.target.value)} />
      <label htmlFor="new-role">Role</label>
      <select id="new-role" value={role} onChange={(event) => setRole(event.target.value as Role)}>
        {(Object.keys(ROLES) as Role[]).map((key) => <option key={key} value={key}>{ROLES[key]}</option>)}
      </select>
      {member && (
        <>
          <label htmlFor="new-survey">Member of (optional; more on each survey's Members page)</label>
          <select id="new-survey" value={survey} onChange={(event) => setSurvey(event.target.value)}>
            <option value="">no survey yet</option>
            {surveys.map((entry) => <option key={entry.slug} value={entry.slug}>{entry.title} ({entry.slug})</option>)}
          </select>
        </>
      )}
      <p className="hint">A password is generated and shown once, here, for you to pass on.</p>
      <button type="submit" className="primary">Create account</button>
    </form>
  );
}

interface RowProps {
  account: Account;
  self: boolean;
  onRole: (role: Role) => void;
  onDisabled: (disabled: boolean) => void;
  onReset: () => void;
}

function AccountRow({ account, self, onRole, onDisabled, onReset }: RowProps) {
  const [role, setRole] = useState<Role>(account.role);
  useEffect(() => setRole(account.role), [account.role]);
  const selectId = `role-${account.id}`;
  return (
    <tr className={account.disabled ? 'account-disabled' : undefined}>
      <td>{account.email}{self && ' (you)'}</td>
      <td>
        <label className="visually-hidden" htmlFor={selectId}>Role of {account.email}</label>
        {/* Admins cannot demote or disable themselves here, so an installation never loses its last admin by a slip. */}
        <select id={selectId} value={role} disabled={self} onChange={(event) => setRole(event.target.value as Role)}>
          {(Object.keys(ROLES) as Role[]).map((key) => <option key={key} value={key}>{key}</option>)}
        </select>
        {role !== account.role && <button type="button" className="small" onClick={() => onRole(role)}>Change role<span className="visually-hidden"> of {account.email}</span></button>}
      </td>
      <td>{account.createdAt.slice(0, 10)}</td>
      <td>{account.disabled ? 'disabled' : 'active'}</td>
      <td className="actions">
        {!self && (account.disabled
          ? <button type="button" className="small" onClick={() => onDisabled(false)}>Enable<span className="visually-hidden"> {account.email}</span></button>
          : <button type="button" className="small" onClick={() => onDisabled(true)}>Disable<span className="visually-hidden"> {account.email}</span></button>)}
        {/* Resetting one's own password would end one's own session mid-page. */}
        {!self && <button type="button" className="small" onClick={onReset}>Reset password<span className="visually-hidden"> of {account.email}</span></button>}
      </td>
    </tr>
  );
}
