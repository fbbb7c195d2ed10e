using NUnit.Framework;
using Pkgify.Core.Init;
using Pkgify.Core.Tests.Support;
using Shouldly;

namespace Pkgify.Core.Tests.Init;

public class WsgiLocatorTests
{
    [Test]
    public void Django_wsgi_module_is_found_below_the_project_package()
    {
        using var p = new TempProject("site");
        p.Write("manage.py", "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n");
        p.Write("mysite/__init__.py");
        p.Write("mysite/settings.py", "DEBUG = False\n");
        p.Write("mysite/wsgi.py", "import os\nfrom django.core.wsgi import get_wsgi_application\n\napplication = get_wsgi_application()\n");
        p.Write("mysite/asgi.py", "from django.core.asgi import get_asgi_application\napp = get_asgi_application()\n");

        var found = WsgiLocator.Find(p.Dir);

        found[0].Entry.ShouldBe("mysite.wsgi:application");
        found[0].File.ShouldBe("mysite/wsgi.py");
        found[0].Line.ShouldBe(4);
    }

    [Test]
    public void Flask_app_in_a_top_level_module()
    {
        using var p = new TempProject("blog");
        p.Write("blog.py", "from flask import Flask\n\napp = Flask(__name__)\n\n@app.route('/')\ndef index():\n    return 'hi'\n");
        p.Write("helpers.py", "app = None  # not the app\n");

        var found = WsgiLocator.Find(p.Dir);

        found.Select(c => c.Entry).ShouldBe(["blog:app", "helpers:app"]);
        found[0].Score.ShouldBeGreaterThan(found[1].Score);
    }

    [Test]
    public void Asgi_apps_indented_lines_tests_and_non_packages_are_ignored()
    {
        using var p = new TempProject("svc");
        p.Write("api.py", "from fastapi import FastAPI\napp = FastAPI()\n");
        p.Write("inner.py", "def make():\n    application = object()\n    return application\n");
        p.Write("tests/__init__.py");
        p.Write("tests/test_app.py", "def application(environ, start_response):\n    pass\n");
        p.Write("scripts/run.py", "application = 1\n"); // no __init__.py: not importable as a package
        p.Write("compare.py", "if application == other:\n    pass\napplication== 3\n");

        WsgiLocator.Find(p.Dir).ShouldBeEmpty();
    }

    [Test]
    public void Order_is_by_strength_then_depth_then_path()
    {
        using var p = new TempProject("multi");
        p.Write("zed.py", "def application(environ, start_response):\n    pass\n");
        p.Write("pkg/__init__.py", "application = object()\n");
        p.Write("pkg/sub/__init__.py");
        p.Write("pkg/sub/wsgi.py", "application = object()\n");
        p.Write("alpha.py", "app = Flask(__name__)\n");

        WsgiLocator.Find(p.Dir).Select(c => c.Entry).ShouldBe(["pkg.sub.wsgi:application", "pkg:application", "zed:application", "alpha:app"]);
    }
}
