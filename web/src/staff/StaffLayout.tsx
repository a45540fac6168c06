import { useEffect, type ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { confirmLeave } from '../lib/leave-guard.ts';
import { useSession, type SignedInUser } from '../lib/session.tsx';

interface Props {
  /** Roles that may see the page; others are told so. */
  roles: SignedInUser['role'][];
  children: ReactNode;
}

/** The frame of every signed-in page: navigation by role, who is signed in, sign-out. */
export function StaffLayout({ roles, children }: Props) {
  const { user, loading, signOut } = useSession();
  const [location, navigate] = useLocation();

  useEffect(() => {
    if (!loading && !user) navigate(`/sign-in?next=${encodeURIComponent(location)}`);
  }, [loading, user, location, navigate]);

  if (loading || !user) return <main className="page"><p>Loading…</p></main>;
  const canManage = user.role === 'admin' || user.role === 'researcher';
  return (
    <div className="staff">
      <header className="staff-header">
        <Link className="brand" href="/">Trustlens</Link>
        <nav aria-label="Main">
          {canManage && <Link href="/studio">Questionnaires</Link>}
          {user.role !== 'enumerator' && <Link href="/dashboard">Indicators</Link>}
          {user.role === 'enumerator' && <Link href="/interview">Interviews</Link>}
          {canManage && <Link href="/interview">Interviews from a file</Link>}
          {user.role === 'admin' && <Link href="/admin/users">Users</Link>}
        </nav>
        <span className="who">{user.email} ({user.role})</span>
        <button type="button" onClick={() => { if (confirmLeave()) void signOut().then(() => navigate('/sign-in')); }}>Sign out</button>
      </header>
      <main className="page">
        {roles.includes(user.role) ? children : <p className="notice notice-error" role="alert">Your role ({user.role}) does not give access to this page.</p>}
      </main>
    </div>
  );
}
