#pragma once

#include <QMainWindow>
#include <QTimer>
#include <QUrl>

class FleetModel;
class PrometheusClient;
class QLabel;
class QTableView;
struct FleetHost;
struct AppOptions;

// `tcpscope --prometheus URL` (and File > Connect to Prometheus): every host Prometheus has tcpscope
// or node_exporter tcpstat series of, most trouble first, each with its counts, TIME_WAIT and
// CLOSE_WAIT over the last hour drawn small, and its findings; refreshed every 15 s. Double-click a
// host to watch it live over ssh (its name from the instance label, editable first).
class FleetWindow : public QMainWindow
{
    Q_OBJECT
public:
    FleetWindow(const QUrl &server, const QString &match, QWidget *parent = nullptr);
    // A fleet window whose hosts open in a main window of their own, with `base`'s other options.
    static FleetWindow *open(const QUrl &server, const QString &match, const AppOptions &base);
    FleetModel *model() const { return m_model; }
    QString statusText() const;

Q_SIGNALS:
    void watchHost(const QString &sshTarget);
    void hostsShown(); // after each refresh that reached Prometheus

private:
    void refreshed(const std::vector<FleetHost> &hosts);
    void failed(const QString &message);

    PrometheusClient *m_client;
    FleetModel *m_model;
    QTableView *m_view;
    QLabel *m_status;
    QTimer m_timer;
};
