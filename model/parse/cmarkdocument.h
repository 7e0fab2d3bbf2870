#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

struct cmark_node;
struct cmark_parser;

namespace debrief {

// One Markdown document parsed by cmark-gfm: the only place that creates cmark-gfm parsers,
// registers its extensions and renders HTML. MarkdownBody walks the tree; NoteHtml renders it.
class CmarkDocument final
{
public:
    enum class Extension { Strikethrough, Tasklist, Table, Autolink };
    enum class Input {
        Unchecked,    // the bytes are valid UTF-8 (a QString's)
        ValidateUtf8, // invalid sequences become U+FFFD, as a note's bytes may hold them
    };

    // Extensions are attached in the order given, which decides between them where two could
    // read the same characters.
    CmarkDocument(QByteArrayView markdown, const QList<Extension> &extensions, Input input);
    ~CmarkDocument();
    CmarkDocument(const CmarkDocument &) = delete;
    CmarkDocument &operator=(const CmarkDocument &) = delete;

    cmark_node *root() const { return m_document; } // null if cmark-gfm ran out of memory

    // Safe HTML: raw HTML and javascript: links are dropped, as CMARK_OPT_DEFAULT without
    // CMARK_OPT_UNSAFE does.
    QByteArray toHtml() const;

private:
    cmark_parser *m_parser = nullptr;
    cmark_node *m_document = nullptr;
};

} // namespace debrief
