# A tiny C extension built from local source: it stands for the native dependencies
# (imaging, database drivers) that make a Python web app need compilers on the build host only.
from setuptools import Extension, setup

setup(
    name="greetfast",
    version="1.0.0",
    description="Greeting assembled in C",
    license="MIT",
    packages=["greetfast"],
    ext_modules=[Extension("greetfast._native", ["csrc/native.c"], libraries=["z"])],
)
