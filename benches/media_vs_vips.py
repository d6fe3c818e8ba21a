#!/usr/bin/env python3
"""Plotline's image fast path against libvips, side by side in one run.

For each real photo: Plotline (`plotline-cli media variants --platforms all`, a separate
process: start-up, reading and writing files included) against libvips through pyvips in
this process, decoding the photo ONCE (`copy_memory`) and making the same 9 crop-to-fill
targets at JPEG Q85. libvips' per-target `thumbnail` (shrink-on-load for every target) is
timed too, for reference. Reports median wall times, the ratio, Plotline's peak RSS
(from wait4) and the SSIM of every Plotline variant against libvips' variant.

  python3 benches/media_vs_vips.py                # the big photos (installs them if needed)
  python3 benches/media_vs_vips.py --check        # quality check on the committed fixture

--check exits non-zero when any SSIM is below the threshold (run by scripts/test.sh).
Needs: apt libvips42, pip pyvips.
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# The image targets of the platform catalogue (src-tauri/crates/core/src/platforms/catalog.json,
# read by media/targets.rs), in the CLI's order; checked below against what plotline-cli makes.
TARGETS = [
    ("instagram", "feed_square", 1080, 1080),
    ("instagram", "feed_portrait", 1080, 1350),
    ("instagram", "story", 1080, 1920),
    ("x", "landscape", 1600, 900),
    ("linkedin", "landscape", 1200, 627),
    ("facebook", "landscape", 1200, 630),
    ("pinterest", "feed_portrait", 1000, 1500),
    ("youtube", "thumbnail", 1280, 720),
    ("google_business_profile", "landscape", 1200, 900),
]

# Real camera photos shipped in Debian packages (not committed; see tests/fixtures/README.md).
BIG_PHOTOS = [
    ("mate-backgrounds", "/usr/share/backgrounds/mate/abstract/Elephants_5640x3172.jpg"),
    ("lomiri-wallpapers-20.04", "/usr/share/backgrounds/Kleiber_by_Lukas_Baubkus.jpg"),
]
FIXTURE = os.path.join(ROOT, "tests", "fixtures", "fresh-flower.jpg")
SSIM_MIN = 0.97


def ensure_photos():
    missing = [pkg for pkg, path in BIG_PHOTOS if not os.path.exists(path)]
    if missing:
        sudo = [] if os.geteuid() == 0 else ["sudo"]
        print(f"installing {' '.join(missing)} (real photos for the benchmark)", file=sys.stderr)
        subprocess.run(sudo + ["apt-get", "install", "-y", "-qq", "--no-install-recommends"] + missing,
                       check=True, env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
    return [path for _, path in BIG_PHOTOS]


def build_release():
    subprocess.run(["cargo", "build", "--release", "--quiet", "-p", "plotline-cli"], cwd=ROOT, check=True)
    return os.path.join(ROOT, "target", "release", "plotline-cli")


def run_plotline(binary, photo, out_dir):
    """Run the CLI once; return (seconds, peak RSS in MiB, parsed JSON)."""
    shutil.rmtree(out_dir, ignore_errors=True)
    start = time.perf_counter()
    proc = subprocess.Popen([binary, "media", "variants", photo, "--platforms", "all", "--out", out_dir],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, err = proc.communicate()
    elapsed = time.perf_counter() - start
    # communicate() reaped the child; its rusage is in RUSAGE_CHILDREN only cumulatively, so
    # run the peak-RSS measurement with wait4 in measure_rss() instead.
    if proc.returncode != 0:
        sys.exit(f"plotline-cli failed: {err.decode()}")
    return elapsed, json.loads(out)


def measure_rss(binary, photo, out_dir):
    """Peak RSS of one Plotline run. ru_maxrss also counts the forked child's memory
    before exec (this Python process), so it is measured before libvips loads any image,
    and the same measurement of /bin/true is reported as the floor."""
    shutil.rmtree(out_dir, ignore_errors=True)
    argv = [binary, "media", "variants", photo, "--platforms", "all", "--out", out_dir] if photo else ["/bin/true"]
    pid = os.fork()
    if pid == 0:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.execv(argv[0], argv)
    _, status, usage = os.wait4(pid, 0)
    if status != 0:
        sys.exit("plotline-cli failed while measuring RSS")
    return usage.ru_maxrss / 1024.0  # KiB -> MiB on Linux


def shrunk_note(result, header):
    """The shrink-on-load size Plotline picked (same rule as render::shrink_eighths)."""
    need = min(1.0, max(max(v["width"] / header.width, v["height"] / header.height) for v in result))
    eighths = next((n for n in range(1, 9) if n / 8 >= need - 1e-9), 8)
    w, h = -(-header.width * eighths // 8), -(-header.height * eighths // 8)
    frame = w * h * 3 / 2**20
    return (f"{eighths}/8 scale = {w}×{h}; one 8-bit RGB frame = {frame:.0f} MiB, "
            f"the 16-bit linear working frame = {2 * frame:.0f} MiB")


def measure_import(binary, photos, tmp, count=20):
    """R12: import `count` large photos in one CLI call; returns (seconds, peak RSS MiB).
    Distinct files are made from the real photos by appending bytes after the JPEG end
    marker (the library is content-addressed, so identical copies would be no-ops)."""
    folder = os.path.join(tmp, "import")
    os.makedirs(folder, exist_ok=True)
    files = []
    for i in range(count):
        src = photos[i % len(photos)]
        dst = os.path.join(folder, f"photo-{i:02d}.jpg")
        with open(src, "rb") as f, open(dst, "wb") as g:
            g.write(f.read() + f"{i:04d}".encode())
        files.append(dst)
    data_dir = os.path.join(tmp, "import-data")
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.execv(binary, [binary, "--data-dir", data_dir, "media", "import"] + files)
    _, status, usage = os.wait4(pid, 0)
    if status != 0:
        sys.exit("plotline-cli media import failed")
    return time.perf_counter() - start, usage.ru_maxrss / 1024.0


def run_vips_once(pyvips, photo, out_dir):
    """libvips, decoding once: load into memory, then every target from that image."""
    shutil.rmtree(out_dir, ignore_errors=True)
    os.makedirs(out_dir)
    start = time.perf_counter()
    img = pyvips.Image.new_from_file(photo, access="random").autorot().copy_memory()
    paths = []
    for platform, placement, w, h in TARGETS:
        path = os.path.join(out_dir, f"{platform}-{placement}.jpg")
        img.thumbnail_image(w, height=h, crop="centre", size="both").write_to_file(path, Q=85, strip=True)
        paths.append(path)
    return time.perf_counter() - start, paths


def run_vips_resize(pyvips, photo, out_dir):
    """libvips decoding once, then `resize` (Lanczos3) + centre crop per target."""
    shutil.rmtree(out_dir, ignore_errors=True)
    os.makedirs(out_dir)
    start = time.perf_counter()
    img = pyvips.Image.new_from_file(photo, access="random").autorot().copy_memory()
    for platform, placement, w, h in TARGETS:
        scale = max(w / img.width, h / img.height)
        r = img.resize(scale, kernel="lanczos3")
        x, y = max(0, (r.width - w) // 2), max(0, (r.height - h) // 2)
        r = r.crop(x, y, min(w, r.width - x), min(h, r.height - y))
        r.write_to_file(os.path.join(out_dir, f"{platform}-{placement}.jpg"), Q=85, strip=True)
    return time.perf_counter() - start


def run_vips_thumbnail(pyvips, photo, out_dir):
    """libvips' fastest per-target path: `thumbnail` with shrink-on-load, once per target."""
    shutil.rmtree(out_dir, ignore_errors=True)
    os.makedirs(out_dir)
    start = time.perf_counter()
    for platform, placement, w, h in TARGETS:
        path = os.path.join(out_dir, f"{platform}-{placement}.jpg")
        pyvips.Image.thumbnail(photo, w, height=h, crop="centre", size="both").write_to_file(path, Q=85, strip=True)
    return time.perf_counter() - start


def ssim(pyvips, a_path, b_path):
    """Mean SSIM of the luma of two images (Gaussian-free 7×7 box windows), in libvips."""
    def luma(path):
        return pyvips.Image.new_from_file(path).colourspace("b-w")[0].cast("float")
    a, b = luma(a_path), luma(b_path)
    if (a.width, a.height) != (b.width, b.height):
        return 0.0
    box = pyvips.Image.new_from_array([[1.0] * 7] * 7, scale=49)
    blur = lambda im: im.conv(box, precision="float")
    ma, mb = blur(a), blur(b)
    va = blur(a * a) - ma * ma
    vb = blur(b * b) - mb * mb
    cov = blur(a * b) - ma * mb
    c1, c2 = (0.01 * 255) ** 2, (0.03 * 255) ** 2
    m = ((ma * mb * 2 + c1) * (cov * 2 + c2)) / ((ma * ma + mb * mb + c1) * (va + vb + c2))
    return m.avg()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="quality check on the committed fixture only")
    ap.add_argument("--bin", help="plotline-cli to use (default: build target/release/plotline-cli)")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("photos", nargs="*")
    args = ap.parse_args()

    import pyvips

    binary = args.bin or build_release()
    photos = args.photos or ([FIXTURE] if args.check else ensure_photos())
    runs = 1 if args.check else args.runs
    failed = passed = 0
    with tempfile.TemporaryDirectory() as tmp:
        floor = measure_rss(binary, None, os.path.join(tmp, "rss"))
        peak = {photo: measure_rss(binary, photo, os.path.join(tmp, "rss")) for photo in photos}
        if not args.check:
            secs, rss = measure_import(binary, photos, tmp)
            print(f"\nimport of 20 large photos in one call: {secs:.1f} s, peak RSS {rss:.0f} MiB"
                  f" (measurement floor {floor:.0f} MiB)")
        for photo in photos:
            header = pyvips.Image.new_from_file(photo)
            mp = header.width * header.height / 1e6
            print(f"\n{os.path.basename(photo)}: {header.width}×{header.height} ({mp:.1f} MP), "
                  f"{os.path.getsize(photo) / 1e6:.1f} MB")
            p_times, v_times, t_times, r_times = [], [], [], []
            result = vips_paths = None
            for _ in range(runs):
                t, result = run_plotline(binary, photo, os.path.join(tmp, "plotline"))
                p_times.append(t)
                t, vips_paths = run_vips_once(pyvips, photo, os.path.join(tmp, "vips"))
                v_times.append(t)
                if not args.check:
                    t_times.append(run_vips_thumbnail(pyvips, photo, os.path.join(tmp, "vips-thumb")))
                    r_times.append(run_vips_resize(pyvips, photo, os.path.join(tmp, "vips-resize")))
            got = [(v["platform"], v["placement"], v["width"], v["height"]) for v in result]
            if got != TARGETS:
                sys.exit(f"plotline-cli targets differ from this script's list: {got}")
            rss = peak[photo]
            p, v = statistics.median(p_times), statistics.median(v_times)
            print(f"  Plotline, {len(TARGETS)} variants (process, files in and out): {p * 1000:7.0f} ms"
                  f"   peak RSS {rss:.0f} MiB (measurement floor {floor:.0f} MiB)")
            if result:
                print(f"  Plotline decoded at {shrunk_note(result, header)}")
            print(f"  libvips decode-once, thumbnail_image per target (in-process): {v * 1000:7.0f} ms")
            if r_times:
                r = statistics.median(r_times)
                print(f"  libvips decode-once, resize+crop per target (in-process):   {r * 1000:7.0f} ms")
                v = min(v, r)
            if t_times:
                print(f"  libvips thumbnail per target (shrink-on-load ×{len(TARGETS)}):        "
                      f"{statistics.median(t_times) * 1000:7.0f} ms")
            if args.check:
                print("  (--check: timings of a debug build are not a benchmark)")
            else:
                print(f"  ratio Plotline / fastest libvips decode-once: {p / v:.2f}×"
                      f"   (median of {runs} run{'s' if runs > 1 else ''})")
            for v_json, vpath in zip(result, vips_paths):
                s = ssim(pyvips, v_json["path"], vpath)
                ok = s >= SSIM_MIN
                passed += ok
                failed += not ok
                print(f"  SSIM vs libvips {v_json['platform']}/{v_json['placement']}: {s:.4f}"
                      f"   ({v_json['bytes'] / 1000:.0f} KB, q{v_json['quality']})")
    if args.check:
        # Only the committed fixture is held to the threshold; big photos are reported.
        print(f"\nquality: {passed} passed, {failed} failed")
        return 1 if failed else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
