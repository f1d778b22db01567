// Prevents an extra console window on Windows in release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    prefer_software_rendering();
    briefing_desk_lib::run();
}

/// On Linux, WebKitGTK's DMA-BUF renderer (GPU compositing) costs its web process about
/// 85 MB where there is no GPU to use (software GL), and is behind the blank or flickering
/// windows some GPU drivers give WebKitGTK apps. The app's screens are text and lists, which
/// draw well without it, so it is off unless the user's environment says otherwise:
/// `BRIEFING_GPU=1` leaves WebKit's choice alone; an explicit
/// `WEBKIT_DISABLE_DMABUF_RENDERER` is always respected. See docs/PERFORMANCE.md.
#[allow(unsafe_code)]
fn prefer_software_rendering() {
    #[cfg(target_os = "linux")]
    {
        let keep_gpu = std::env::var_os("BRIEFING_GPU").is_some_and(|v| v == "1");
        if !keep_gpu && std::env::var_os("WEBKIT_DISABLE_DMABUF_RENDERER").is_none() {
            // SAFETY: called first thing in main, before any thread exists that could read
            // the environment concurrently.
            unsafe { std::env::set_var("WEBKIT_DISABLE_DMABUF_RENDERER", "1") };
        }
    }
}
