"""Build the whosaid Python package from this repository.

The extension module whosaid._whosaid is compiled from the library's own
sources (../src/*.c and the generated ../build/lexicon_table.c), so it does
not depend on libwhosaid.so at run time and needs no PIC build of the
library. Only libutf8proc is linked dynamically, as libwhosaid itself does.

    make -C .. build/lexicon_table.c        # done by build_ext when needed
    python3 setup.py build_ext --inplace     # for the tests, in place
    python3 -m pip install --no-build-isolation --no-deps ./python   # install

This works from a checkout only: the sources live outside this directory.
"""
import glob
import os
import re
import subprocess

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SRC = os.path.join(ROOT, "src")
INCLUDE = os.path.join(ROOT, "include")
TABLE_DIR = os.path.join(ROOT, "build")
TABLE = os.path.join(TABLE_DIR, "lexicon_table.c")


def read_version():
    with open(os.path.join(INCLUDE, "whosaid.h"), encoding="utf-8") as f:
        m = re.search(r'#define\s+WS_VERSION\s+"([^"]+)"', f.read())
    if not m:
        raise RuntimeError("WS_VERSION not found in include/whosaid.h")
    return m.group(1)


class BuildExt(build_ext):
    """build_ext that first has make generate the lexicon table."""

    def run(self):
        # A clean environment: when run from a make recipe, the caller's
        # BUILD=..., CFLAGS=... and jobserver must not leak into this make.
        env = {k: v for k, v in os.environ.items()
               if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES", "BUILD", "CFLAGS")}
        try:
            subprocess.run(["make", "-s", "--no-print-directory", "-C", ROOT, "BUILD=build",
                            "build/lexicon_table.c"], check=True, env=env)
        except (OSError, subprocess.CalledProcessError) as e:
            if not os.path.exists(TABLE):
                raise RuntimeError("cannot generate %s (run 'make' in %s first): %s"
                                   % (TABLE, ROOT, e)) from e
        super().run()


# absolute paths, so that object files stay under build/temp.*
sources = [os.path.join(HERE, "_whosaid.c")] + sorted(glob.glob(os.path.join(SRC, "*.c"))) + [TABLE]
depends = (sorted(glob.glob(os.path.join(SRC, "*.h"))) + [os.path.join(INCLUDE, "whosaid.h")])

ext = Extension(
    "whosaid._whosaid",
    sources=sources,
    depends=depends,
    include_dirs=[INCLUDE, SRC, TABLE_DIR],
    define_macros=[("_POSIX_C_SOURCE", "200809L")],
    libraries=["utf8proc", "m"],
    # the library's own warning policy; hidden visibility keeps the ws_*
    # symbols private to the extension (only PyInit__whosaid is exported)
    extra_compile_args=["-std=c11", "-Wall", "-Wextra", "-Werror", "-fvisibility=hidden"],
)

setup(
    name="whosaid",
    version=read_version(),
    description="Who said what in news text: Python binding of libwhosaid",
    packages=["whosaid"],
    ext_modules=[ext],
    cmdclass={"build_ext": BuildExt},
    python_requires=">=3.9",
    extras_require={"dask": ["dask[bag]", "distributed"]},
    zip_safe=False,
)
