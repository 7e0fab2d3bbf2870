#include "views/markdownview.h"

#include "parse/noteparser.h"

#include <QDesktopServices>
#include <QRegularExpression>
#include <QUrl>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

namespace debrief {

namespace {

// [[Target|Alias]] → [Alias](debrief-note:Target). Code spans and blocks are rare in meeting
// notes; a wikilink inside one becomes a link too, which is harmless.
QString linkWikilinks(const QString &markdown)
{
    static const QRegularExpression wikilink(QStringLiteral("\\[\\[([^\\]|\\n]+)(?:\\|([^\\]\\n]+))?\\]\\]"));
    QString result;
    qsizetype at = 0;
    auto it = wikilink.globalMatch(markdown);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        result += QStringView(markdown).mid(at, match.capturedStart() - at);
        const QString target = match.captured(1).trimmed();
        QString label = match.captured(2).trimmed();
        if (label.isEmpty())
            label = target;
        label.replace(u'[', QStringLiteral("\\[")).replace(u']', QStringLiteral("\\]"));
        const QString url = QString::fromLatin1(QUrl::toPercentEncoding(target));
        result += QStringLiteral("[%1](%2:%3)").arg(label, MarkdownView::noteScheme, url);
        at = match.capturedEnd();
    }
    result += QStringView(markdown).mid(at);
    return result;
}

} // namespace

MarkdownView::MarkdownView(QWidget *parent)
    : QTextBrowser(parent)
{
    setOpenLinks(false);
    setOpenExternalLinks(false);
    setAccessibleName(tr("Rendered note"));
    connect(this, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        if (url.scheme() == noteScheme)
            Q_EMIT noteLinkClicked(QUrl::fromPercentEncoding(url.path().toUtf8()));
        else if (url.scheme() == u"http" || url.scheme() == u"https" || url.scheme() == u"mailto")
            QDesktopServices::openUrl(url);
    });
}

QVariant MarkdownView::loadResource(int type, const QUrl &name)
{
    // Images and style sheets would mean reading the network or the disk on a note's behalf.
    Q_UNUSED(type);
    Q_UNUSED(name);
    return QVariant();
}

QString MarkdownView::renderMarkdown(const QString &markdown)
{
    NoteParser::registerMarkdownExtensions();
    const QByteArray bytes = linkWikilinks(markdown).toUtf8();
    // CMARK_OPT_DEFAULT without CMARK_OPT_UNSAFE: raw HTML and javascript: links are dropped.
    cmark_parser *parser = cmark_parser_new(CMARK_OPT_DEFAULT);
    for (const char *name : {"table", "strikethrough", "autolink", "tasklist"}) {
        if (cmark_syntax_extension *extension = cmark_find_syntax_extension(name))
            cmark_parser_attach_syntax_extension(parser, extension);
    }
    cmark_parser_feed(parser, bytes.constData(), size_t(bytes.size()));
    cmark_node *document = cmark_parser_finish(parser);
    char *html = cmark_render_html(document, CMARK_OPT_DEFAULT, cmark_parser_get_syntax_extensions(parser));
    QString result = QString::fromUtf8(html);
    // QTextBrowser draws no form controls: task boxes become the characters they look like.
    result.replace(QStringLiteral("<input type=\"checkbox\" checked=\"\" disabled=\"\" />"), QStringLiteral("\u2611"));
    result.replace(QStringLiteral("<input type=\"checkbox\" disabled=\"\" />"), QStringLiteral("\u2610"));
    cmark_get_default_mem_allocator()->free(html);
    cmark_node_free(document);
    cmark_parser_free(parser);
    return result;
}

} // namespace debrief
