#pragma once

#include "core/tcpstate.h"

#include <QWidget>

// The eleven RFC 9293 states with the lesson's two endpoints lit: client in blue, server in orange.
// A compact stand-in for the state diagram when the lesson window runs on its own.
class LessonStatePanel : public QWidget
{
    Q_OBJECT
public:
    explicit LessonStatePanel(QWidget *parent = nullptr);

    void setStates(TcpState client, TcpState server);
    void setPresentation(bool on);
    TcpState clientState() const { return m_client; }
    TcpState serverState() const { return m_server; }

    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    TcpState m_client = TcpState::Close;
    TcpState m_server = TcpState::Close;
    double m_scale = 1.0;
};
