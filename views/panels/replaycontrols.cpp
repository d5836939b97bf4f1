#include "panels/replaycontrols.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>
#include <QStyle>
#include <QTime>
#include <QToolButton>

#include <cmath>

ReplayControls::ReplayControls(QList<qint64> frameTimesMs, QWidget *parent)
    : QWidget(parent)
    , m_times(std::move(frameTimesMs))
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
    m_timeline->setRange(0, qMax(0, frameCount() - 1));
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
    m_play->setIcon(style()->standardIcon(QStyle::SP_MediaPause));
    m_play->setToolTip(tr("Pause"));
    updateTime();
}

void ReplayControls::setPlaying(bool playing)
{
    const bool changed = std::exchange(m_playing, playing) != playing;
    m_play->setIcon(style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    m_play->setToolTip(playing ? tr("Pause") : tr("Play"));
    if (changed)
        Q_EMIT playingChanged(playing);
}

void ReplayControls::setSpeed(double speed)
{
    m_speed = std::clamp(speed, 0.1, 20.0);
    const int i = m_speedBox->findData(m_speed);
    if (i >= 0 && i != m_speedBox->currentIndex()) {
        const QSignalBlocker block(m_speedBox);
        m_speedBox->setCurrentIndex(i);
    }
    Q_EMIT speedChanged(m_speed);
}

void ReplayControls::step(int delta)
{
    setPlaying(false);
    Q_EMIT stepRequested(delta);
}

void ReplayControls::seek(int frame)
{
    if (frame != m_shown)
        Q_EMIT seekRequested(frame);
}

void ReplayControls::setShownFrame(int frame)
{
    m_shown = qBound(0, frame, qMax(0, frameCount() - 1));
    const QSignalBlocker block(m_timeline);
    m_timeline->setValue(m_shown);
    updateTime();
}

void ReplayControls::updateTime()
{
    if (m_times.isEmpty())
        return;
    const qint64 start = m_times.first();
    const qint64 end = m_times.last();
    // Tenths of a second for short recordings (a class demo), hours for long ones.
    const QString format = end - start < 600'000 ? QStringLiteral("mm:ss.z") : QStringLiteral("HH:mm:ss");
    auto hms = [&](qint64 ms) { return QTime(0, 0).addMSecs(int(qMax<qint64>(0, ms))).toString(format); };
    m_time->setText(QStringLiteral("%1 / %2  (%3/%4)")
                        .arg(hms(m_times.at(m_shown) - start), hms(end - start))
                        .arg(m_shown + 1)
                        .arg(frameCount()));
    m_back->setEnabled(m_shown > 0);
    m_forward->setEnabled(m_shown + 1 < frameCount());
}
