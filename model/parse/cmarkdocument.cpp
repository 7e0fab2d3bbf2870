#include "parse/cmarkdocument.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <mutex>

namespace debrief {

namespace {

// cmark-gfm's extension registry is a global list: filled once, before the first parser, from
// whichever thread gets here first.
void registerExtensions()
{
    static std::once_flag once;
    std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
}

const char *extensionName(CmarkDocument::Extension extension)
{
    switch (extension) {
    case CmarkDocument::Extension::Strikethrough: return "strikethrough";
    case CmarkDocument::Extension::Tasklist: return "tasklist";
    case CmarkDocument::Extension::Table: return "table";
    case CmarkDocument::Extension::Autolink: return "autolink";
    }
    return "";
}

} // namespace

CmarkDocument::CmarkDocument(QByteArrayView markdown, const QList<Extension> &extensions, Input input)
{
    registerExtensions();
    m_parser = cmark_parser_new(CMARK_OPT_DEFAULT | (input == Input::ValidateUtf8 ? CMARK_OPT_VALIDATE_UTF8 : 0));
    for (const Extension wanted : extensions) {
        if (cmark_syntax_extension *extension = cmark_find_syntax_extension(extensionName(wanted)))
            cmark_parser_attach_syntax_extension(m_parser, extension);
    }
    cmark_parser_feed(m_parser, markdown.data(), size_t(markdown.size()));
    m_document = cmark_parser_finish(m_parser);
}

CmarkDocument::~CmarkDocument()
{
    if (m_document)
        cmark_node_free(m_document);
    cmark_parser_free(m_parser);
}

QByteArray CmarkDocument::toHtml() const
{
    if (!m_document)
        return {};
    char *html = cmark_render_html(m_document, CMARK_OPT_DEFAULT, cmark_parser_get_syntax_extensions(m_parser));
    QByteArray result(html);
    cmark_get_default_mem_allocator()->free(html);
    return result;
}

} // namespace debrief
