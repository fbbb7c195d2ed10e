global using NUnit.Framework;
global using Pkgify.Formats.Tests.Support;
global using Shouldly;
