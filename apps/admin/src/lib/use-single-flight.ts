// One request at a time per action: a double click (or Enter held down) runs it once. The ref
// guards clicks that arrive before React has re-rendered the button as disabled.
import { useCallback, useRef, useState } from 'react';

export function useSingleFlight() {
  const busy = useRef(false);
  const [pending, setPending] = useState(false);
  const run = useCallback(async (action: () => Promise<unknown>) => {
    if (busy.current) return;
    busy.current = true;
    setPending(true);
    try {
      await action();
    } finally {
      busy.current = false;
      setPending(false);
    }
  }, []);
  return { run, pending };
}
