import { createContext, useContext } from 'react';
import type { Me } from '../../types';

export const MeContext = createContext<Me | null>(null);

/** The signed-in user (only inside the authenticated layout). */
export function useMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe() outside the authenticated layout');
  return me;
}
