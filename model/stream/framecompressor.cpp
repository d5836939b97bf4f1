#include "stream/framecompressor.h"

#include <QCoreApplication>

#include <zstd.h>

struct FrameCompressor::Contexts
{
    ZSTD_CCtx *c = ZSTD_createCCtx();
    ZSTD_DCtx *d = ZSTD_createDCtx();
    ~Contexts()
    {
        ZSTD_freeCCtx(c);
        ZSTD_freeDCtx(d);
    }
};

namespace {
// The model is QtCore-only: no QObject::tr(), so the context is named here.
QString tr(const char *text)
{
    return QCoreApplication::translate("FrameCompressor", text);
}

QString zstdError(size_t code)
{
    return QStringLiteral("zstd: ") + QString::fromLatin1(ZSTD_getErrorName(code));
}
} // namespace

FrameCompressor::FrameCompressor(int level)
    : m_z(std::make_unique<Contexts>())
    , m_level(level)
{ }

FrameCompressor::~FrameCompressor() = default;

QByteArray FrameCompressor::compress(QByteArrayView text, QString *error)
{
    ZSTD_CCtx_reset(m_z->c, ZSTD_reset_session_and_parameters);
    ZSTD_CCtx_setParameter(m_z->c, ZSTD_c_compressionLevel, m_level);
    ZSTD_CCtx_setParameter(m_z->c, ZSTD_c_checksumFlag, 1);
    QByteArray out(qsizetype(ZSTD_compressBound(size_t(text.size()))), Qt::Uninitialized);
    const size_t n = ZSTD_compress2(m_z->c, out.data(), size_t(out.size()), text.data(), size_t(text.size()));
    if (ZSTD_isError(n)) {
        *error = zstdError(n);
        return {};
    }
    out.truncate(qsizetype(n));
    return out;
}

QByteArray FrameCompressor::decompress(QByteArrayView packed, qint64 rawBytes, QString *error)
{
    const unsigned long long size = ZSTD_getFrameContentSize(packed.data(), size_t(packed.size()));
    if (size != (unsigned long long)rawBytes) {
        *error = tr("its size is not the one its header gives");
        return {};
    }
    QByteArray out(qsizetype(rawBytes), Qt::Uninitialized);
    const size_t n = ZSTD_decompressDCtx(m_z->d, out.data(), size_t(out.size()), packed.data(), size_t(packed.size()));
    if (ZSTD_isError(n) || n != size_t(rawBytes)) {
        *error = ZSTD_isError(n) ? zstdError(n) : tr("it decompresses to fewer bytes than its header gives");
        return {};
    }
    return out;
}
