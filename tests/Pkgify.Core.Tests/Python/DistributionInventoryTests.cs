using NUnit.Framework;
using Pkgify.Core.Python;
using Shouldly;

namespace Pkgify.Core.Tests.Python;

public class DistributionInventoryTests
{
    private string _venv = "";

    [SetUp]
    public void CreateVenv() => _venv = PythonTestTools.NewTempDir("inv");

    private void Metadata(string distInfo, string headers)
    {
        var dir = Path.Combine(_venv, "lib", "python3.11", "site-packages", distInfo);
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "METADATA"), "Metadata-Version: 2.1\n" + headers + "\n\nLicense: not a header, the body\n");
    }

    [Test]
    public void Licenses_come_from_the_most_precise_field_and_names_sort_normalised()
    {
        Metadata("Zope.Interface-6.0.dist-info", "Name: zope.interface\nVersion: 6.0\nLicense: ZPL 2.1\nClassifier: License :: OSI Approved :: Zope Public License");
        Metadata("attrs-23.1.0.dist-info", "Name: attrs\nVersion: 23.1.0\nLicense-Expression: MIT\nLicense: UNKNOWN");
        Metadata("Flask-2.3.2.dist-info", "Name: Flask\nVersion: 2.3.2\nClassifier: Framework :: Flask\nClassifier: License :: OSI Approved :: BSD License");
        Metadata("certifi-2023.5.7.dist-info", "Name: certifi\nVersion: 2023.5.7\nLicense: This Source Code Form is subject to the terms of\n        the Mozilla Public License, v. 2.0.\nClassifier: License :: OSI Approved :: Mozilla Public License 2.0 (MPL 2.0)");
        Metadata("mystery-1.0.dist-info", "Name: mystery\nVersion: 1.0\nLicense: UNKNOWN");
        Metadata("long_text-1.0.dist-info", "Name: long_text\nVersion: 1.0\nLicense: Copyright (c) 2023 Somebody\n        Permission is hereby granted, free of charge, to any person");
        Metadata("broken-1.0.dist-info", "Summary: no name or version");

        DistributionInventory.Read(_venv).ShouldBe(
        [
            new BundledDistribution("attrs", "23.1.0", "MIT"),
            new BundledDistribution("certifi", "2023.5.7", "Mozilla Public License 2.0 (MPL 2.0)"),
            new BundledDistribution("Flask", "2.3.2", "BSD License"),
            new BundledDistribution("long_text", "1.0", "Copyright (c) 2023 Somebody"),
            new BundledDistribution("mystery", "1.0", "UNKNOWN"),
            new BundledDistribution("zope.interface", "6.0", "ZPL 2.1"),
        ]);
    }
}
