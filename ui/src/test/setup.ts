// Loaded before every test file (vite.config.ts, test.setupFiles): the Tauri modules the UI
// imports answer from the MockBackend in ./tauriModules; a test picks its backend with
// useBackend().
import { vi } from 'vitest';

vi.mock('@tauri-apps/api/core', () => import('./tauriModules').then((m) => m.core));
vi.mock('@tauri-apps/api/event', () => import('./tauriModules').then((m) => m.event));
vi.mock('@tauri-apps/plugin-dialog', () => import('./tauriModules').then((m) => m.dialog));
vi.mock('@tauri-apps/plugin-opener', () => import('./tauriModules').then((m) => m.opener));
