#include "stream/streamowners.h"

#include <QCoreApplication>

void StreamOwners::feed(const StreamFrame &frame, ProblemList &problems)
{
    QByteArrayView content;
    QByteArrayView arg;
    const OwnerSection::Kind kind = OwnerSection::find(frame.text, &content, &arg);
    m_present = kind == OwnerSection::Kind::Full || kind == OwnerSection::Kind::Delta
        || kind == OwnerSection::Kind::Unchanged;
    const QString where = QCoreApplication::translate("StreamFrameDecoder", "frame %1").arg(frame.number);
    switch (kind) {
    case OwnerSection::Kind::None:
    case OwnerSection::Kind::Unchanged:
        return;
    case OwnerSection::Kind::Malformed:
        problems.add({ QStringLiteral("stream"), 0,
            QCoreApplication::translate("OwnerSection", "%1: @owners is neither 'full UID' nor 'unchanged'; ignored")
                .arg(where) });
        m_table.reset();
        return;
    case OwnerSection::Kind::Full:
        if (auto t = OwnerSection::parse(arg, content, where, problems))
            m_table = std::make_shared<OwnerSection::Table>(*t);
        else
            m_table.reset();
        return;
    case OwnerSection::Kind::Delta:
        if (!m_table)
            return; // no full table yet (a reader that joined late): owners unknown until one comes
        if (auto t = OwnerSection::parse(arg, content, where, problems))
            OwnerSection::merge(*m_table, *t);
        else
            m_table.reset(); // a half-read delta would name sockets wrongly
        return;
    }
}

std::optional<SocketOwners> StreamOwners::attach(const Snapshot &snapshot) const
{
    if (!m_present || !m_table || !snapshot.isValid())
        return std::nullopt;
    return OwnerSection::attach(*m_table, snapshot.sockets());
}

Snapshot StreamOwners::attached(const Snapshot &snapshot) const
{
    std::optional<SocketOwners> o = attach(snapshot);
    return o ? snapshot.withOwners(std::move(*o)) : snapshot;
}

void StreamOwners::reset()
{
    m_table.reset();
    m_present = false;
}
