#include "RunToolBar.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QSignalBlocker>

namespace d3::ui {

RunToolBar::RunToolBar(const QStringList &planners, QWidget *parent)
    : QToolBar(tr("Run"), parent)
    , m_run(new QAction(tr("Run"), this))
    , m_progress(new QLabel(this))
    , m_rate(new QDoubleSpinBox(this))
    , m_planner(new QComboBox(this))
    , m_tiles(new QCheckBox(tr("Tiles"), this))
    , m_follow(new QComboBox(this))
{
    setObjectName(QStringLiteral("runToolBar"));
    m_run->setCheckable(true);
    m_run->setShortcut(QKeySequence(Qt::Key_F5));
    m_run->setToolTip(tr("Send the experiment's requests; pause and continue them (F5)"));
    m_progress->setObjectName(QStringLiteral("runProgress"));
    m_progress->setToolTip(tr("Requests sent of the experiment's count"));
    m_rate->setRange(0, 1000);
    m_rate->setDecimals(1);
    m_rate->setSuffix(tr(" req/s"));
    m_rate->setKeyboardTracking(false); // a typed rate applies once, not digit by digit
    m_rate->setSpecialValueText(tr("closed loop"));
    m_planner->addItems(planners);
    m_planner->setToolTip(tr("The planner that places the model; manual keeps the plan you drag"));
    m_tiles->setChecked(true);
    m_tiles->setToolTip(tr("Allow vertical separation: the edge stack cut into tiles on several edge nodes"));
    m_follow->addItem(tr("last 30 s"), 30);
    m_follow->addItem(tr("last minute"), 60);
    m_follow->addItem(tr("last 10 minutes"), 600);
    m_follow->addItem(tr("whole run"), 0);
    m_follow->setCurrentIndex(1);

    addAction(m_run);
    addWidget(m_progress);
    m_rateAction = addWidget(m_rate);
    addSeparator();
    addWidget(new QLabel(tr(" Planner "), this));
    addWidget(m_planner);
    addWidget(m_tiles);
    addSeparator();
    addWidget(new QLabel(tr(" Plots show "), this));
    addWidget(m_follow);

    connect(m_run, &QAction::toggled, this, [this](bool on) {
        showRunText();
        Q_EMIT runToggled(on, rateHz());
    });
    connect(m_rate, &QDoubleSpinBox::valueChanged, this, [this](double hz) {
        if (isRunning())
            Q_EMIT runToggled(true, hz);
    });
    connect(m_planner, &QComboBox::currentTextChanged, this, [this] { Q_EMIT plannerChosen(planner(), tiles()); });
    connect(m_tiles, &QCheckBox::toggled, this, [this] { Q_EMIT plannerChosen(planner(), tiles()); });
    connect(m_follow, &QComboBox::currentIndexChanged, this,
            [this] { Q_EMIT followChosen(m_follow->currentData().toDouble()); });
    m_rate->setToolTip(tr("Requests per second, one at a time; closed loop sends the next when the last returns"));
    showStreaming(false);
    setSessionReady(false);
}

void RunToolBar::showPlanner(const QString &planner, bool tiles)
{
    const QSignalBlocker a(m_planner);
    const QSignalBlocker b(m_tiles);
    m_planner->setCurrentText(planner);
    m_tiles->setChecked(tiles);
}

void RunToolBar::setSessionReady(bool ready)
{
    if (!ready)
        showProgress(0, 0, false);
    m_ready = ready;
    m_run->setEnabled(ready && !m_finished);
    m_rate->setEnabled(ready && !m_streaming);
    m_planner->setEnabled(ready);
    m_tiles->setEnabled(ready);
}

void RunToolBar::showRunning(bool running)
{
    const QSignalBlocker block(m_run);
    m_run->setChecked(running);
    showRunText();
}

void RunToolBar::showRunText()
{
    m_run->setText(m_finished ? tr("Done") : isRunning() ? tr("Pause") : m_sent > 0 ? tr("Continue") : tr("Run"));
}

void RunToolBar::showProgress(qint64 sent, qint64 count, bool finished)
{
    m_sent = sent;
    m_finished = finished;
    m_progress->setText(count > 0 ? QStringLiteral(" %1 / %2 ").arg(sent).arg(count) : QString());
    if (finished) {
        showRunning(false);
        m_run->setEnabled(false);
        m_run->setToolTip(tr("The experiment's %n request(s) were sent; open it again to run it again", nullptr,
                             int(count)));
    } else {
        m_run->setToolTip(tr("Send the experiment's requests; pause and continue them (F5)"));
    }
    showRunText();
}

void RunToolBar::showRate(double rateHz)
{
    const QSignalBlocker block(m_rate);
    m_rate->setValue(rateHz);
}

void RunToolBar::showStreaming(bool streaming)
{
    m_streaming = streaming;
    m_rate->setEnabled(m_ready && !streaming);
    m_rateAction->setVisible(!streaming); // the stream's controls have the rate; the room goes to them
}

void RunToolBar::showFollow(double seconds)
{
    const QSignalBlocker block(m_follow);
    const int index = m_follow->findData(seconds);
    if (index >= 0)
        m_follow->setCurrentIndex(index);
}

QString RunToolBar::progressText() const
{
    return m_progress->text().trimmed();
}

bool RunToolBar::isRunning() const
{
    return m_run->isChecked();
}

double RunToolBar::rateHz() const
{
    return m_rate->value();
}

QString RunToolBar::planner() const
{
    return m_planner->currentText();
}

bool RunToolBar::tiles() const
{
    return m_tiles->isChecked();
}

} // namespace d3::ui
