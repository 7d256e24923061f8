"""Test the in-place build (python3 setup.py build_ext --inplace) when there
is one, whatever the current directory; otherwise the installed package."""
import glob
import os
import sys

PKG_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

if glob.glob(os.path.join(PKG_ROOT, "whosaid", "_whosaid*.so")):
    sys.path.insert(0, PKG_ROOT)
    # worker processes of the Dask tests find it too
    os.environ["PYTHONPATH"] = os.pathsep.join(
        p for p in (PKG_ROOT, os.environ.get("PYTHONPATH")) if p)


def pytest_report_header(config):
    import whosaid
    return "whosaid %s from %s" % (whosaid.version(), os.path.dirname(whosaid.__file__))
