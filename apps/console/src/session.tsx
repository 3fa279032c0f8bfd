// Who is signed in. The gateway keeps the session in an httpOnly cookie and answers GET /api/auth/me with the
// user; the access token of the sign-in answer is not kept (the cookie stands for it, and follows role changes).
import { createContext, ReactNode, useContext, useEffect, useState } from 'react';
import { api, whenUnauthorized } from './api';

export type Role = 'admin' | 'fund_staff' | 'warehouse_volunteer' | 'viewer';
export interface User { id: string; email: string; name: string; role: Role; warehouseCodes: string[] }
interface LoginAnswer { accessToken: string; expiresIn: number; user: User }

interface SessionContext {
  user: User | null | undefined; // undefined while the session is being checked
  signIn: (email: string, password: string) => Promise<User>;
  signOut: () => Promise<void>;
}
const Context = createContext<SessionContext>({ user: null, signIn: async () => { throw new Error('no session'); }, signOut: async () => undefined });

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null | undefined>(undefined);
  useEffect(() => {
    whenUnauthorized(() => setUser(null));
    api<User>('/auth/me', { quiet401: true }).then(setUser, () => setUser(null));
  }, []);
  const signIn = async (email: string, password: string) => {
    const answer = await api<LoginAnswer>('/auth/login', { method: 'POST', body: { email, password }, quiet401: true });
    setUser(answer.user);
    return answer.user;
  };
  const signOut = async () => {
    try {
      await api('/auth/logout', { method: 'POST', quiet401: true });
    } finally {
      setUser(null);
    }
  };
  return <Context.Provider value={{ user, signIn, signOut }}>{children}</Context.Provider>;
}

export const useSession = () => useContext(Context);
export const useUser = (): User => {
  const { user } = useSession();
  if (!user) throw new Error('no user signed in');
  return user;
};
