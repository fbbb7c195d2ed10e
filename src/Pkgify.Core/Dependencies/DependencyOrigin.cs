using Pkgify.Core.Model;

namespace Pkgify.Core.Dependencies;

/// <summary>Why a relation is there: its kind (<see cref="Declared"/>, <see cref="Mapped"/>, <see cref="Elf"/>, <see cref="Interpreter"/>) and a one-line detail.</summary>
/// <param name="Kind">One of the constants below.</param>
/// <param name="Detail">Where exactly: the config key, the file and line, the ELF file and soname, the interpreter path.</param>
public sealed record DependencyOrigin(string Kind, string Detail)
{
    /// <summary>Written in pkgify.yaml <c>depends:</c>.</summary>
    public const string Declared = "declared";

    /// <summary>Mapped from an external-dependencies.txt line.</summary>
    public const string Mapped = "mapped";

    /// <summary>Needed by an ELF file of the payload.</summary>
    public const string Elf = "elf";

    /// <summary>The Python interpreter the virtualenv runs on.</summary>
    public const string Interpreter = "interpreter";
}

/// <summary>One relation of one family's package, with where it came from.</summary>
public sealed record ResolvedRelation(PackageFamily Family, RelationKind Kind, RelationGroup Relation, DependencyOrigin Origin);
