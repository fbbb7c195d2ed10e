namespace Pkgify.Core.Python;

/// <summary>Keeps the last few lines of a stream of lines: bounded memory whatever a tool prints.</summary>
internal sealed class LineTail(int capacity)
{
    private readonly Queue<string> _lines = new();

    /// <summary>Adds a line, forgetting the oldest beyond capacity.</summary>
    public void Add(string line)
    {
        if (_lines.Count == capacity) _lines.Dequeue();
        _lines.Enqueue(line);
    }

    /// <summary>The kept lines, oldest first.</summary>
    public IReadOnlyList<string> Lines => [.. _lines];
}
