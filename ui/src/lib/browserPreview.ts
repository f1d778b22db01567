// Lets `npm run dev` run in an ordinary browser: Tauri's IPC mock routes every
// command, the dialog plugin and events to the in-memory fake backend.
import { emit } from '@tauri-apps/api/event';
import { mockIPC } from '@tauri-apps/api/mocks';
import { MockBackend, sampleArticles, sampleCounterparts } from './mockBackend';

export function installBrowserPreview(): MockBackend {
  const articles = sampleArticles();
  const backend = new MockBackend(articles, sampleCounterparts(articles));
  backend.saveResult = '/home/officer/Documents/Visit of the Atyrau Oblast delegation.docx';
  backend.dialogResult = ['/home/officer/Downloads/belta-visit.html', '/home/officer/Downloads/broken.eml'];
  backend.importPlans.set('/home/officer/Downloads/broken.eml', {
    status: 'failed',
    message: 'broken.eml: the message has no text part',
  });
  mockIPC(
    (cmd, payload) => {
      if (cmd === 'plugin:dialog|open') return backend.dialogResult;
      if (cmd === 'plugin:dialog|save') return backend.saveResult;
      return backend.invoke(cmd, payload as Record<string, unknown> | undefined);
    },
    { shouldMockEvents: true },
  );
  // Route the fake's progress events through Tauri's (mocked) event system,
  // where the page's `listen` calls are registered.
  backend.emit = (event, payload) => void emit(event, payload);
  return backend;
}
