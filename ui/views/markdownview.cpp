#include "views/markdownview.h"

#include "parse/notehtml.h"

#include <QDesktopServices>
#include <QUrl>

namespace debrief {

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
    return NoteHtml::fromMarkdown(markdown, noteScheme);
}

} // namespace debrief
