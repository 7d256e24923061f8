/* _whosaid - the CPython binding of libwhosaid.
 *
 * Deliberately thin: one function that runs ws_analyze() and
 * ws_doc_write_json() with the GIL released and returns the JSON text of
 * FORMAT.md; whosaid/__init__.py turns it into a dict. Everything else
 * (options, ids, iteration) is marshalling done in Python. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <stdlib.h>
#include <string.h>

#include "whosaid.h"

/* A growable byte buffer for ws_doc_write_json(). */
typedef struct jbuf {
    char *p;
    size_t len, cap;
    int oom;
} jbuf;

static int jbuf_write(void *ctx, const char *data, size_t len)
{
    jbuf *b = ctx;
    if (len > b->cap - b->len) {
        size_t cap = b->cap ? b->cap : 4096;
        while (len > cap - b->len) {
            if (cap > (size_t)PY_SSIZE_T_MAX / 2) {
                b->oom = 1;
                return -1;
            }
            cap *= 2;
        }
        char *p = realloc(b->p, cap);
        if (!p) {
            b->oom = 1;
            return -1;
        }
        b->p = p, b->cap = cap;
    }
    memcpy(b->p + b->len, data, len);
    b->len += len;
    return 0;
}

PyDoc_STRVAR(analyze_json_doc,
"analyze_json(text, id_json, flags, max_bytes) -> str\n\n"
"Analyse text (str, or read-only bytes holding UTF-8) with ws_analyze() and\n"
"return the one-line JSON object of ws_doc_write_json(). id_json is the\n"
"encoded JSON value of \"id\", or None for null. flags are the WS_* option\n"
"flags; max_bytes 0 means no limit. The GIL is released during the analysis.\n"
"Raises ValueError (bad input), MemoryError, or UnicodeEncodeError when a\n"
"str holds lone surrogates.");

static PyObject *py_analyze_json(PyObject *self, PyObject *args)
{
    (void)self;
    PyObject *text_obj;
    const char *id_json;
    unsigned int flags;
    Py_ssize_t max_bytes;
    if (!PyArg_ParseTuple(args, "OzIn:analyze_json", &text_obj, &id_json, &flags, &max_bytes))
        return NULL;
    if (max_bytes < 0) {
        PyErr_SetString(PyExc_ValueError, "max_bytes must not be negative");
        return NULL;
    }

    /* Both kinds of input stay alive and unchanged while the GIL is
     * released: args holds a reference, str and bytes are immutable, and a
     * str's cached UTF-8 form lives as long as the str. */
    const char *text;
    Py_ssize_t len;
    Py_buffer view = {0};
    int have_view = 0;
    if (PyUnicode_Check(text_obj)) {
        if (!(text = PyUnicode_AsUTF8AndSize(text_obj, &len)))
            return NULL;
    } else if (PyBytes_Check(text_obj)) {
        text = PyBytes_AS_STRING(text_obj);
        len = PyBytes_GET_SIZE(text_obj);
    } else if (PyObject_CheckBuffer(text_obj)) {
        if (PyObject_GetBuffer(text_obj, &view, PyBUF_SIMPLE) < 0)
            return NULL;
        have_view = 1;
        if (!view.readonly) {
            PyBuffer_Release(&view);
            PyErr_SetString(PyExc_TypeError, "text must be str or read-only bytes, not a mutable buffer");
            return NULL;
        }
        text = view.buf;
        len = view.len;
    } else {
        PyErr_Format(PyExc_TypeError, "text must be str or bytes, not %.100s", Py_TYPE(text_obj)->tp_name);
        return NULL;
    }

    ws_options opts = {.flags = flags, .max_bytes = (size_t)max_bytes};
    ws_error err = {.code = WS_OK, .message = ""};
    ws_status st;
    jbuf out = {0};
    Py_BEGIN_ALLOW_THREADS
    ws_doc *doc = NULL;
    st = ws_analyze(text, (size_t)len, &opts, &doc, &err);
    if (st == WS_OK)
        st = ws_doc_write_json(doc, id_json, jbuf_write, &out, &err);
    ws_doc_free(doc);
    Py_END_ALLOW_THREADS
    if (have_view)
        PyBuffer_Release(&view);

    PyObject *result = NULL;
    if (st == WS_OK)
        result = PyUnicode_DecodeUTF8(out.p ? out.p : "", (Py_ssize_t)out.len, "strict");
    else if (st == WS_ERR_NOMEM || out.oom)
        PyErr_NoMemory();
    else if (st == WS_ERR_UTF8 || st == WS_ERR_TOO_LARGE || st == WS_ERR_ARG)
        PyErr_SetString(PyExc_ValueError, err.message[0] ? err.message : ws_status_string(st));
    else
        PyErr_SetString(PyExc_RuntimeError, err.message[0] ? err.message : ws_status_string(st));
    free(out.p);
    return result;
}

PyDoc_STRVAR(version_doc, "version() -> str\n\nThe version of libwhosaid (ws_version()).");

static PyObject *py_version(PyObject *self, PyObject *unused)
{
    (void)self, (void)unused;
    return PyUnicode_FromString(ws_version());
}

static PyMethodDef methods[] = {
    {"analyze_json", py_analyze_json, METH_VARARGS, analyze_json_doc},
    {"version", py_version, METH_NOARGS, version_doc},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "whosaid._whosaid",
    .m_doc = "CPython binding of libwhosaid; use the whosaid package instead.",
    .m_size = 0,
    .m_methods = methods,
};

PyMODINIT_FUNC PyInit__whosaid(void)
{
    PyObject *m = PyModule_Create(&module);
    if (!m)
        return NULL;
    if (PyModule_AddIntConstant(m, "REPLACE_INVALID", WS_REPLACE_INVALID) < 0 ||
        PyModule_AddIntConstant(m, "NO_EVENTS", WS_NO_EVENTS) < 0 ||
        PyModule_AddIntConstant(m, "RULES_ONLY", WS_RULES_ONLY) < 0 ||
        PyModule_AddStringConstant(m, "VERSION", WS_VERSION) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
