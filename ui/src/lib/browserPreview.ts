// Lets `npm run dev` run in an ordinary browser: Tauri's IPC mock routes every
// command, the dialog and opener plugins and events to the in-memory fake
// backend. Open the page with `?first-run` to start on an empty store (the
// welcome page).
import { emit } from '@tauri-apps/api/event';
import { mockIPC } from '@tauri-apps/api/mocks';
import { MockBackend, sampleArticles, sampleCounterparts } from './mockBackend';

export function installBrowserPreview(): MockBackend {
  const firstRun = new URLSearchParams(window.location.search).has('first-run');
  const articles = firstRun ? [] : sampleArticles();
  const backend = firstRun ? new MockBackend() : new MockBackend(articles, sampleCounterparts(articles));
  backend.saveResult = '/home/officer/Documents/Visit of the Atyrau Oblast delegation.docx';
  backend.dialogResult = ['/home/officer/Downloads/belta-visit.html', '/home/officer/Downloads/broken.eml'];
  backend.importPlans.set('/home/officer/Downloads/broken.eml', {
    status: 'failed',
    message: 'broken.eml: the message has no text part',
  });
  mockIPC(
    (cmd, payload) => {
      const args = payload as Record<string, unknown> | undefined;
      if (cmd === 'plugin:dialog|open') return backend.dialogResult;
      if (cmd === 'plugin:dialog|save') return backend.saveResult;
      if (cmd === 'plugin:opener|open_path') return backend.openPath(String(args?.path));
      if (cmd === 'plugin:opener|reveal_item_in_dir') return backend.revealItemInDir(args?.paths as string[]);
      return backend.invoke(cmd, args);
    },
    { shouldMockEvents: true },
  );
  // Route the fake's progress events through Tauri's (mocked) event system,
  // where the page's `listen` calls are registered.
  backend.emit = (event, payload) => void emit(event, payload);
  return backend;
}
