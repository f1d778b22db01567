// Files and folders dropped on the window. Tauri (not the page) receives the drop and sends
// the paths as events; the page never reads the files itself, so dropping gives the webview
// no file access. Subscribed through the event module the rest of the UI uses, so tests drive
// it with the mock backend's emit().
import { listen, type UnlistenFn } from '@tauri-apps/api/event';

export const DRAG_ENTER = 'tauri://drag-enter';
export const DRAG_LEAVE = 'tauri://drag-leave';
export const DRAG_DROP = 'tauri://drag-drop';

export interface DropHandlers {
  /** Something is dragged over the window (true) or left it (false). */
  onhover: (over: boolean) => void;
  /** Paths dropped: files and folders, as the system gives them. */
  ondrop: (paths: string[]) => void;
}

/** Listens for drags and drops on the window; resolves to a function that stops listening. */
export async function onDragAndDrop({ onhover, ondrop }: DropHandlers): Promise<UnlistenFn> {
  const stops = await Promise.all([
    listen(DRAG_ENTER, () => onhover(true)),
    listen(DRAG_LEAVE, () => onhover(false)),
    listen<{ paths?: string[] }>(DRAG_DROP, (event) => {
      onhover(false);
      const paths = event.payload?.paths ?? [];
      if (paths.length > 0) ondrop(paths);
    }),
  ]);
  return () => stops.forEach((stop) => stop());
}
