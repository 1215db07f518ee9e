#include "OpenModelDialog.h"

#include "graph/ModelCatalog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace d3::ui {
namespace {

/// The weights file scripts/export_model.py writes beside a model file, if it is there.
QString weightsBeside(const QString &modelPath)
{
    const QFileInfo info(modelPath);
    const QString candidate = info.dir().filePath(info.completeBaseName() + QStringLiteral(".pt"));
    return QFileInfo(candidate).isFile() ? candidate : QString();
}

} // namespace

OpenModelDialog::OpenModelDialog(const QString &currentModel, const QString &weightsFile, quint64 seed,
                                 bool ignoreExtra, QWidget *parent)
    : QDialog(parent)
    , m_models(new QListWidget(this))
    , m_seeded(new QRadioButton(tr("Seeded"), this))
    , m_fromFile(new QRadioButton(tr("From a file"), this))
    , m_seed(new QSpinBox(this))
    , m_weights(new QLineEdit(this))
    , m_ignoreExtra(new QCheckBox(tr("Ignore tensors the model does not use (an auxiliary head)"), this))
    , m_summary(new QLabel(this))
{
    setWindowTitle(tr("Open model"));
    m_seed->setRange(0, 1 << 30);
    m_seed->setValue(int(std::min<quint64>(seed, 1 << 30)));
    m_weights->setPlaceholderText(tr("a state_dict (.pt) or TorchScript file"));
    m_summary->setWordWrap(true);
    auto *browseModel = new QPushButton(tr("Model file…"), this);
    auto *browseWeights = new QPushButton(tr("Browse…"), this);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_models, &QListWidget::currentRowChanged, this, &OpenModelDialog::selectionChanged);
    connect(browseModel, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Model file"), QString(), tr("d3lab models (*.json)"));
        if (!path.isEmpty())
            choose(path);
    });
    connect(browseWeights, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Weights file"), QString(),
                                                          tr("PyTorch weights (*.pt *.pth *.ts);;All files (*)"));
        if (!path.isEmpty()) {
            m_weights->setText(path);
            m_fromFile->setChecked(true);
        }
    });
    connect(m_seeded, &QRadioButton::toggled, this, &OpenModelDialog::validate);
    connect(m_weights, &QLineEdit::textChanged, this, &OpenModelDialog::validate);

    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_fromFile);
    fileRow->addWidget(m_weights, 1);
    fileRow->addWidget(browseWeights);
    auto *seedRow = new QHBoxLayout;
    seedRow->addWidget(m_seeded);
    seedRow->addWidget(m_seed);
    seedRow->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Built-in models, your models (%1) and model files")
                                     .arg(core::ModelCatalog::userFolders().join(QLatin1String(", "))), this));
    layout->addWidget(m_models, 1);
    layout->addWidget(browseModel, 0, Qt::AlignLeft);
    layout->addWidget(new QLabel(tr("Weights"), this));
    layout->addLayout(seedRow);
    layout->addLayout(fileRow);
    layout->addWidget(m_ignoreExtra);
    layout->addWidget(m_summary);
    layout->addWidget(buttons);
    resize(640, 520);

    listModels();
    m_ignoreExtra->setChecked(ignoreExtra);
    if (!currentModel.isEmpty())
        choose(currentModel);
    // choosing the current model offers its exporter's weights; the experiment's own choice stands
    m_fromFile->setChecked(!weightsFile.isEmpty());
    m_seeded->setChecked(weightsFile.isEmpty());
    m_weights->setText(weightsFile);
    validate();
}

void OpenModelDialog::listModels()
{
    for (const QString &name : core::ModelCatalog::builtinNames()) {
        auto *item = new QListWidgetItem(tr("%1 (built-in)").arg(name), m_models);
        item->setData(Qt::UserRole, name);
    }
    const QMap<QString, QString> user = core::ModelCatalog::userModels();
    for (auto it = user.begin(); it != user.end(); ++it) {
        auto *item = new QListWidgetItem(QStringLiteral("%1 (%2)").arg(it.key(), it.value()), m_models);
        item->setData(Qt::UserRole, it.value());
    }
}

void OpenModelDialog::choose(const QString &nameOrPath)
{
    const bool builtin = core::ModelCatalog::builtinNames().contains(nameOrPath);
    const QString value = builtin ? nameOrPath : QFileInfo(nameOrPath).absoluteFilePath();
    for (int row = 0; row < m_models->count(); ++row) {
        if (m_models->item(row)->data(Qt::UserRole).toString() == value) {
            m_models->setCurrentRow(row);
            return;
        }
    }
    auto *item = new QListWidgetItem(QStringLiteral("%1 (%2)").arg(QFileInfo(value).completeBaseName(), value), m_models);
    item->setData(Qt::UserRole, value);
    m_models->setCurrentItem(item);
}

void OpenModelDialog::selectionChanged()
{
    const QString beside = model().isEmpty() || core::ModelCatalog::builtinNames().contains(model())
        ? QString()
        : weightsBeside(model());
    if (!beside.isEmpty()) {
        m_weights->setText(beside);
        m_fromFile->setChecked(true);
    }
    validate();
}

void OpenModelDialog::validate()
{
    core::GraphError error;
    const auto graph = model().isEmpty() ? std::nullopt : core::ModelCatalog::resolve(model(), &error);
    m_modelOk = graph.has_value();
    QString text = !graph ? (model().isEmpty() ? tr("Choose a model.") : error.toString())
                          : tr("%1: %2 layers, %3 parameters, input %4")
                                .arg(graph->name()).arg(graph->layerCount())
                                .arg(QLocale().toString(graph->totalParams()), graph->inputShape().toString());
    if (m_modelOk && m_fromFile->isChecked() && !QFileInfo(weightsFile()).isFile())
        text = tr("The weights file %1 is not there.").arg(weightsFile());
    m_seed->setEnabled(m_seeded->isChecked());
    m_weights->setEnabled(m_fromFile->isChecked());
    m_ignoreExtra->setEnabled(m_fromFile->isChecked());
    m_summary->setText(text);
    m_ok->setEnabled(isAcceptable());
}

QString OpenModelDialog::model() const
{
    const QListWidgetItem *item = m_models->currentItem();
    return item ? item->data(Qt::UserRole).toString() : QString();
}

QString OpenModelDialog::weightsFile() const
{
    return m_fromFile->isChecked() ? QFileInfo(m_weights->text().trimmed()).absoluteFilePath() : QString();
}

quint64 OpenModelDialog::seed() const
{
    return quint64(m_seed->value());
}

bool OpenModelDialog::ignoreExtra() const
{
    return m_fromFile->isChecked() && m_ignoreExtra->isChecked();
}

QJsonObject OpenModelDialog::weightsJson() const
{
    if (weightsFile().isEmpty())
        return QJsonObject{{QStringLiteral("seed"), qint64(seed())}};
    QJsonObject w{{QStringLiteral("file"), weightsFile()}};
    if (ignoreExtra())
        w.insert(QStringLiteral("ignore_extra"), true);
    return w;
}

bool OpenModelDialog::isAcceptable() const
{
    return m_modelOk && (!m_fromFile->isChecked() || QFileInfo(weightsFile()).isFile());
}

QString OpenModelDialog::summary() const
{
    return m_summary->text();
}

} // namespace d3::ui
