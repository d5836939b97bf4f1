#include "replaycontrols.h"

#include "poller.h"
#include "replaysource.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>
#include <QStyle>
#include <QTime>
#include <QToolButton>

#include <cmath>

ReplayControls::ReplayControls(ReplaySource *source, Poller *poller, QWidget *parent)
    : QWidget(parent)
    , m_source(source)
    , m_poller(poller)
    , m_play(new QToolButton(this))
    , m_back(new QToolButton(this))
    , m_forward(new QToolButton(this))
    , m_speedBox(new QComboBox(this))
    , m_timeline(new QSlider(Qt::Horizontal, this))
    , m_time(new QLabel(this))
{
    m_back->setIcon(style()->standardIcon(QStyle::SP_MediaSeekBackward));
    m_back->setToolTip(tr("Step one poll back"));
    m_forward->setIcon(style()->standardIcon(QStyle::SP_MediaSeekForward));
    m_forward->setToolTip(tr("Step one poll forward"));
    for (double s : { 0.1, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0, 20.0 })
        m_speedBox->addItem(QString::number(s) + QLatin1Char('x'), s);
    m_speedBox->setCurrentIndex(3);
    m_speedBox->setToolTip(tr("Replay speed"));
    m_timeline->setRange(0, qMax(0, source->frameCount() - 1));
    m_timeline->setToolTip(tr("Timeline: drag to a moment of the recording"));
    m_time->setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("00:00:00 / 00:00:00  (9999/9999)")));

    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(4, 2, 4, 2);
    row->addWidget(m_back);
    row->addWidget(m_play);
    row->addWidget(m_forward);
    row->addWidget(m_speedBox);
    row->addWidget(m_timeline, 1);
    row->addWidget(m_time);

    connect(m_play, &QToolButton::clicked, this, [this] { setPlaying(!m_playing); });
    connect(m_back, &QToolButton::clicked, this, [this] { step(-1); });
    connect(m_forward, &QToolButton::clicked, this, [this] { step(1); });
    connect(m_speedBox, &QComboBox::currentIndexChanged, this,
        [this](int i) { setSpeed(m_speedBox->itemData(i).toDouble()); });
    connect(m_timeline, &QSlider::valueChanged, this, [this](int v) { seek(v); });
    setPlaying(true);
    setSpeed(1.0);
    updateTime();
}

void ReplayControls::setPlaying(bool playing)
{
    m_playing = playing;
    m_source->setPlaying(playing);
    m_poller->setPaused(!playing);
    m_play->setIcon(style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    m_play->setToolTip(playing ? tr("Pause") : tr("Play"));
}

void ReplayControls::setSpeed(double speed)
{
    m_speed = std::clamp(speed, 0.1, 20.0);
    // The poller cannot go below MinIntervalMs; beyond that, skip frames instead (stride).
    const double ideal = m_source->recordedIntervalMs() / m_speed;
    const int stride = qMax(1, int(std::ceil(Poller::MinIntervalMs / ideal)));
    m_source->setStride(stride);
    m_poller->setIntervalMs(int(std::lround(ideal * stride)));
    const int i = m_speedBox->findData(m_speed);
    if (i >= 0 && i != m_speedBox->currentIndex()) {
        const QSignalBlocker block(m_speedBox);
        m_speedBox->setCurrentIndex(i);
    }
}

void ReplayControls::step(int delta)
{
    setPlaying(false);
    m_source->step(delta);
    requestPoll();
}

void ReplayControls::seek(int frame)
{
    if (frame == m_source->shownFrame())
        return;
    m_source->seek(frame);
    requestPoll();
}

// A poll already in flight would answer with the old position: ask again once it lands.
void ReplayControls::requestPoll()
{
    if (m_poller->isPolling())
        m_pendingPoll = true;
    else
        m_poller->pollNow();
}

void ReplayControls::onSnapshot(const Snapshot &)
{
    if (std::exchange(m_pendingPoll, false))
        m_poller->pollNow();
    const QSignalBlocker block(m_timeline);
    m_timeline->setValue(m_source->shownFrame());
    updateTime();
}

void ReplayControls::updateTime()
{
    const int shown = m_source->shownFrame();
    const qint64 start = m_source->frameTimeMs(0);
    const qint64 end = m_source->frameTimeMs(m_source->frameCount() - 1);
    // Tenths of a second for short recordings (a class demo), hours for long ones.
    const QString format = end - start < 600'000 ? QStringLiteral("mm:ss.z") : QStringLiteral("HH:mm:ss");
    auto hms = [&](qint64 ms) { return QTime(0, 0).addMSecs(int(qMax<qint64>(0, ms))).toString(format); };
    m_time->setText(QStringLiteral("%1 / %2  (%3/%4)")
                        .arg(hms(m_source->frameTimeMs(shown) - start), hms(end - start))
                        .arg(shown + 1)
                        .arg(m_source->frameCount()));
    m_back->setEnabled(shown > 0);
    m_forward->setEnabled(shown + 1 < m_source->frameCount());
}
