//! What every test module shares: amounts written as text, and folders of their own.

use std::ffi::OsStr;
use std::ops::Deref;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use rust_decimal::Decimal;

/// An amount as written, e.g. `d("3997.99")`.
pub fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

/// A fresh, empty folder of its own under the system temp dir, removed when dropped.
pub struct Scratch(PathBuf);

impl Scratch {
    pub fn new(tag: &str) -> Scratch {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("gouji-it-{}-{n}-{tag}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }

    /// Writes a file into the folder; its path.
    pub fn write(&self, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let p = self.0.join(name);
        std::fs::write(&p, bytes).unwrap();
        p
    }
}

impl Deref for Scratch {
    type Target = Path;

    fn deref(&self) -> &Path {
        &self.0
    }
}

impl AsRef<Path> for Scratch {
    fn as_ref(&self) -> &Path {
        &self.0
    }
}

impl AsRef<OsStr> for Scratch {
    fn as_ref(&self) -> &OsStr {
        self.0.as_os_str()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn a_scratch_folder_is_fresh_and_goes_when_dropped() {
    let s = Scratch::new("scratch");
    let (a, b) = (s.to_path_buf(), Scratch::new("scratch"));
    assert_ne!(a, b.to_path_buf());
    let f = s.write("甲.txt", "本年收入合计");
    assert_eq!(std::fs::read_to_string(&f).unwrap(), "本年收入合计");
    drop(s);
    assert!(!a.exists());
    assert_eq!(d("3997.990"), Decimal::new(399799, 2));
}
