//! Writing a drawn chart: PNG pixels encoded fast, SVG text naming fallback fonts, each file
//! written under a temporary name and renamed into place.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use plotters::prelude::*;

use super::draw::draw;
use super::{Plot, FAMILY, HEIGHT, SVG_FAMILY, WIDTH};

static SEQUENCE: AtomicU64 = AtomicU64::new(0);

/// A temporary name in `dir` for `name`, keeping its extension (the PNG encoder goes by it).
fn temporary(dir: &Path, name: &str, ext: &str) -> PathBuf {
    let n = SEQUENCE.fetch_add(1, Ordering::Relaxed);
    dir.join(format!(".{name}.{}-{n}.tmp.{ext}", std::process::id()))
}

/// An error naming the file it is about.
pub(super) fn failed(path: &Path, what: impl std::fmt::Display) -> io::Error {
    io::Error::other(format!("{}: {what}", path.display()))
}

/// Renames `tmp` onto `path`, removing `tmp` when anything before went wrong.
fn settle(result: io::Result<()>, tmp: &Path, path: &Path) -> io::Result<()> {
    let result = result.and_then(|()| fs::rename(tmp, path).map_err(|e| failed(path, e)));
    if result.is_err() {
        let _ = fs::remove_file(tmp);
    }
    result
}

/// Draws `plot` into pixels and writes them as the PNG `path` (through a temporary `name`).
pub(super) fn write_png(plot: &Plot, dir: &Path, path: &Path, name: &str) -> io::Result<()> {
    let mut pixels = vec![0u8; WIDTH as usize * HEIGHT as usize * 3];
    {
        let root = BitMapBackend::with_buffer(&mut pixels, (WIDTH, HEIGHT)).into_drawing_area();
        draw(&root, plot).map_err(|e| failed(path, e))?;
        root.present().map_err(|e| failed(path, e))?;
    }
    let tmp = temporary(dir, name, "png");
    let written = fs::File::create(&tmp)
        .map_err(|e| failed(path, e))
        .and_then(|f| encode_png(io::BufWriter::new(f), &pixels).map_err(|e| failed(path, e)));
    settle(written, &tmp, path)
}

/// Charts are flat colours and text: the fast deflate after the Paeth filter makes files within a
/// few per cent of the encoder's default (adaptive filtering, default deflate) in 60% of its time.
fn encode_png(out: impl io::Write, pixels: &[u8]) -> image::ImageResult<()> {
    use image::codecs::png::{CompressionType, FilterType, PngEncoder};
    use image::ImageEncoder;
    PngEncoder::new_with_quality(out, CompressionType::Fast, FilterType::Paeth).write_image(
        pixels,
        WIDTH,
        HEIGHT,
        image::ColorType::Rgb8,
    )
}

/// Draws `plot` as SVG and writes it as `path` (through a temporary `name`), the embedded
/// font's family followed by system fonts a viewer may have.
pub(super) fn write_svg(plot: &Plot, dir: &Path, path: &Path, name: &str) -> io::Result<()> {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, HEIGHT)).into_drawing_area();
        draw(&root, plot).map_err(|e| failed(path, e))?;
    }
    let svg = svg.replace(
        &format!("font-family=\"{FAMILY}\""),
        &format!("font-family=\"{SVG_FAMILY}\""),
    );
    let tmp = temporary(dir, name, "svg");
    let written = fs::write(&tmp, svg.as_bytes()).map_err(|e| failed(path, e));
    settle(written, &tmp, path)
}
