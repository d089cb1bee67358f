//! The live line of `vigie scan` on a terminal: checks done out of the total, and the checks
//! running now (the longest-running first), drawn on stderr by `indicatif` so it never mixes
//! with the report on stdout. Only made when stderr is a terminal and `--quiet` is not given:
//! logs, pipes and CI get nothing.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use vigie::engine::Progress;

pub struct Bar {
    bar: ProgressBar,
    /// The checks running now, with when each started.
    running: Mutex<Vec<(String, Instant)>>,
}

impl std::fmt::Debug for Bar {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Bar").finish_non_exhaustive()
    }
}

impl Bar {
    /// A bar on stderr, or `None` when nobody would see it.
    pub fn on_terminal(quiet: bool) -> Option<Arc<Bar>> {
        use std::io::IsTerminal;
        if quiet || !std::io::stderr().is_terminal() {
            return None;
        }
        let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr());
        let style = ProgressStyle::with_template("{spinner} {pos}/{len} {elapsed} {wide_msg}")
            .unwrap_or_else(|_| ProgressStyle::default_spinner());
        bar.set_style(style);
        bar.enable_steady_tick(Duration::from_millis(120));
        Some(Arc::new(Bar {
            bar,
            running: Mutex::new(Vec::new()),
        }))
    }

    /// Remove the line before the report is printed.
    pub fn clear(&self) {
        self.bar.finish_and_clear();
    }

    fn show_running(&self, running: &[(String, Instant)]) {
        // The check running longest first: on a big base it is the one worth watching.
        let mut names: Vec<String> = running
            .iter()
            .map(|(id, t)| format!("{} ({}s)", vigie::report::escape(id), t.elapsed().as_secs()))
            .collect();
        names.truncate(3);
        self.bar.set_message(names.join(", "));
    }
}

impl Progress for Bar {
    fn planned(&self, checks: usize) {
        self.bar.set_length(checks as u64);
    }

    fn started(&self, check: &str) {
        let mut running = self
            .running
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        running.push((check.to_string(), Instant::now()));
        self.show_running(&running);
    }

    fn finished(&self, check: &str) {
        let mut running = self
            .running
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        running.retain(|(id, _)| id != check);
        self.bar.inc(1);
        self.show_running(&running);
    }
}
