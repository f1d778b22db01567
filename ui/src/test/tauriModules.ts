// Stand-ins for the Tauri modules the UI imports, all answering from one
// MockBackend. ./setup.ts wires them in for every test file with vi.mock;
// a test picks the backend with useBackend().

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
