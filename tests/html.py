"""A small HTML reader for tests: a tree of elements from the standard library's
parser, with a check that the markup is well formed (every element closed, in order;
ids unique)."""

from html.parser import HTMLParser

BLOCKS = {"p", "li", "h1", "h2", "h3", "div", "section", "td", "th", "tr", "br", "nav", "header", "footer", "aside"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Element:
    def __init__(self, tag, attrs, parent=None):
        self.tag, self.attrs, self.parent = tag, dict(attrs), parent
        self.children = []

    def iter(self):
        for child in self.children:
            if isinstance(child, Element):
                yield child
                yield from child.iter()

    def find_all(self, tag=None, **attrs):
        attrs = {key.rstrip("_").replace("_", "-"): value for key, value in attrs.items()}
        return [
            el
            for el in self.iter()
            if (tag is None or el.tag == tag) and all(el.attrs.get(k) == v for k, v in attrs.items())
        ]

    def find(self, tag=None, **attrs):
        found = self.find_all(tag, **attrs)
        assert found, f"no <{tag}> with {attrs}"
        return found[0]

    @property
    def text(self):
        parts = [c if isinstance(c, str) else f"{c.text} " if c.tag in BLOCKS else c.text for c in self.children]
        return " ".join("".join(parts).split())

    def __getitem__(self, key):
        return self.attrs[key]


class _TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = self.current = Element("#document", {})
        self.errors = []

    def handle_starttag(self, tag, attrs):
        element = Element(tag, attrs, self.current)
        self.current.children.append(element)
        if tag not in VOID:
            self.current = element

    def handle_startendtag(self, tag, attrs):
        self.current.children.append(Element(tag, attrs, self.current))

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if self.current.tag != tag:
            self.errors.append(f"</{tag}> closes <{self.current.tag}>")
            return
        self.current = self.current.parent

    def handle_data(self, data):
        if self.current.tag not in ("script", "style"):
            self.current.children.append(data)


def parse(markup):
    """The document tree of markup; fails the test when the markup is not well formed."""
    if isinstance(markup, bytes):
        markup = markup.decode()
    builder = _TreeBuilder()
    builder.feed(markup)
    builder.close()
    assert not builder.errors, builder.errors
    assert builder.current is builder.root, f"<{builder.current.tag}> is never closed"
    ids = [el.attrs["id"] for el in builder.root.iter() if "id" in el.attrs]
    assert len(ids) == len(set(ids)), f"duplicate ids: {sorted(i for i in ids if ids.count(i) > 1)}"
    return builder.root
