import { createContext, useContext } from 'react';

export interface Viewer {
  /** the signed-in editor, null when read-only */
  name: string | null;
  hasToken: boolean;
  checking: boolean;
}

export const ViewerContext = createContext<Viewer>({ name: null, hasToken: false, checking: false });
export const useViewer = (): Viewer => useContext(ViewerContext);
