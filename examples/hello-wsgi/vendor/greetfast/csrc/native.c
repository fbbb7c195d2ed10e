#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdio.h>
#include <zlib.h>

/* greet(name) -> "hello, <name> (native, crc32=<hex>)": the crc proves the C code ran. */
static PyObject *greet(PyObject *self, PyObject *args)
{
    const char *name;
    Py_ssize_t len;
    if (!PyArg_ParseTuple(args, "s#", &name, &len))
        return NULL;
    unsigned long crc = crc32(0L, (const unsigned char *)name, (unsigned int)len);
    char hex[9];
    /* PyUnicode_FromFormat has no width/hex conversions for long: format the checksum first. */
    snprintf(hex, sizeof hex, "%08lx", crc & 0xffffffffUL);
    return PyUnicode_FromFormat("hello, %s (native, crc32=%s)", name, hex);
}

static PyMethodDef methods[] = {
    {"greet", greet, METH_VARARGS, "Greet someone from C."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_native", NULL, -1, methods};

PyMODINIT_FUNC PyInit__native(void) { return PyModule_Create(&module); }
