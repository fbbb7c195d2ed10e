global using NUnit.Framework;
global using Pkgify.TestSupport;
global using Shouldly;
