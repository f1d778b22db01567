// Stand-ins for the Tauri modules the UI imports, all answering from one
// MockBackend. Test files wire them in with vi.mock, e.g.
//   vi.mock('@tauri-apps/api/core', () => import('../test/tauriModules').then((m) => m.core));
// (likewise event, dialog for plugin-dialog and opener for plugin-opener),
// and pick the backend for a test with useBackend().

import { MockBackend } from '../lib/mockBackend';

let active = new MockBackend();

export function useBackend(backend: MockBackend): MockBackend {
  active = backend;
  return backend;
}

export const core = {
  invoke: (cmd: string, args?: Record<string, unknown>) => active.invoke(cmd, args),
  isTauri: () => true,
};

export const event = {
  listen: (name: string, handler: Parameters<MockBackend['listen']>[1]) => active.listen(name, handler),
};

export const dialog = {
  open: (options?: unknown) => active.open(options),
  save: (options?: unknown) => active.save(options),
};

export const opener = {
  openPath: (path: string, openWith?: string) => active.openPath(path, openWith),
  revealItemInDir: (path: string | string[]) => active.revealItemInDir(path),
};
