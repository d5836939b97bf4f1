#include "aboutdialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QVBoxLayout>

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
    , m_text(new QLabel(this))
{
    setWindowTitle(tr("About tcpscope"));
    m_text->setTextFormat(Qt::RichText);
    m_text->setOpenExternalLinks(true);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_text->setAccessibleName(tr("About tcpscope"));
    m_text->setText(
        tr("<h2>tcpscope %1</h2>"
           "<p>TCP connection states, live: the RFC 793 state diagram with sockets moving through it, "
           "per-state counts over time, the kernel tunables that shape them, and lessons on TCP teardown.</p>"
           "<p>Copyright &copy; 2026 The tcpscope developers. Released under the MIT licence "
           "(the LICENSE file in the source distribution).</p>"
           "<p><b>Documentation</b> (in the source distribution): README.md for the command line and JSON "
           "output; docs/remote-and-replay.md (SSH, agent, record and replay); docs/stream-format.md; "
           "docs/advisories.md (advisor rules); docs/trainers.md (lessons and the live lab); "
           "docs/performance.md.</p>"
           "<p><b>References</b>: <a href='https://www.rfc-editor.org/rfc/rfc9293'>RFC 9293</a> (TCP), "
           "<a href='https://www.rfc-editor.org/rfc/rfc1337'>RFC 1337</a> (TIME-WAIT hazards), "
           "<a href='https://man7.org/linux/man-pages/man7/tcp.7.html'>tcp(7)</a>.</p>")
            .arg(version()));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_text);
    layout->addWidget(buttons);
    setMinimumWidth(520);
}

QString AboutDialog::version()
{
    return QStringLiteral(TCPSCOPE_VERSION);
}

QString AboutDialog::text() const
{
    return m_text->text();
}
