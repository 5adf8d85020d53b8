// Phone-sized screens: below antd's `md` (768 px) the menu is a drawer and wide tables become
// cards. Until the first measurement the desktop layout is assumed.
import { Grid } from 'antd';

/** Below `md`: a phone. */
export function usePhone(): boolean {
  const screens = Grid.useBreakpoint();
  return screens.md === false;
}

/** Below `lg` (992 px): too narrow for the score sheet's seven columns. */
export function useNarrow(): boolean {
  const screens = Grid.useBreakpoint();
  return screens.lg === false;
}
