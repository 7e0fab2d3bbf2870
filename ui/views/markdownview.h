#pragma once

#include <QTextBrowser>

namespace debrief {

// A note rendered from its Markdown (see NoteHtml). Raw HTML is not rendered, nothing is ever
// loaded (no images from the network or disk), and a link does nothing until it is clicked:
// then wikilinks ask the app to open the note and web links go to the desktop's browser.
class MarkdownView final : public QTextBrowser
{
    Q_OBJECT

public:
    explicit MarkdownView(QWidget *parent = nullptr);

    // Markdown → HTML; wikilinks become links with the "debrief-note" scheme.
    static QString renderMarkdown(const QString &markdown);
    static constexpr QStringView noteScheme{u"debrief-note"};

    QVariant loadResource(int type, const QUrl &name) override;

Q_SIGNALS:
    void noteLinkClicked(const QString &target);
};

} // namespace debrief
