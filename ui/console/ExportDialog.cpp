#include "ExportDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

namespace d3::ui {

ExportDialog::ExportDialog(const ExportOptions &options, const QString &folder, QWidget *parent)
    : QDialog(parent)
    , m_folder(new QLineEdit(folder, this))
    , m_pdf(new QCheckBox(QStringLiteral("PDF"), this))
    , m_svg(new QCheckBox(QStringLiteral("SVG"), this))
    , m_png(new QCheckBox(QStringLiteral("PNG"), this))
    , m_csv(new QCheckBox(tr("Data as CSV (requests.csv)"), this))
    , m_preset(new QComboBox(this))
    , m_title(new QCheckBox(tr("Draw titles"), this))
    , m_width(new QSpinBox(this))
    , m_height(new QSpinBox(this))
    , m_dpi(new QSpinBox(this))
{
    setWindowTitle(tr("Export plots and data"));
    m_pdf->setChecked(options.formats.contains(QStringLiteral("pdf")));
    m_svg->setChecked(options.formats.contains(QStringLiteral("svg")));
    m_png->setChecked(options.formats.contains(QStringLiteral("png")));
    m_csv->setChecked(true);
    for (QSpinBox *s : {m_width, m_height}) {
        s->setRange(ExportOptions::kMinPixels, ExportOptions::kMaxPixels);
        s->setSuffix(tr(" px"));
    }
    m_width->setValue(options.widthPx);
    m_height->setValue(options.heightPx);
    m_dpi->setRange(ExportOptions::kMinDpi, ExportOptions::kMaxDpi);
    m_dpi->setValue(options.dpi);
    m_dpi->setSuffix(tr(" dpi"));
    m_title->setChecked(options.title);
    m_preset->addItem(tr("Custom size"), QString());
    m_preset->addItem(tr("Single column (3.5 in, 8 pt)"), QStringLiteral("single"));
    m_preset->addItem(tr("Double column (7 in, 8 pt)"), QStringLiteral("double"));
    m_preset->setCurrentIndex(qMax(0, m_preset->findData(options.preset)));
    for (QSpinBox *s : {m_width, m_height, m_dpi})
        s->setEnabled(options.preset.isEmpty());
    connect(m_preset, &QComboBox::activated, this, [this] { choosePreset(m_preset->currentData().toString()); });

    auto *browse = new QPushButton(tr("Browse…"), this);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Export into"), m_folder->text());
        if (!dir.isEmpty())
            m_folder->setText(dir);
    });
    auto *where = new QHBoxLayout;
    where->addWidget(m_folder);
    where->addWidget(browse);
    auto *formats = new QHBoxLayout;
    for (QCheckBox *c : {m_pdf, m_svg, m_png})
        formats->addWidget(c);
    auto *size = new QHBoxLayout;
    size->addWidget(m_width);
    size->addWidget(m_height);
    size->addWidget(m_dpi);
    auto *form = new QFormLayout(this);
    form->addRow(tr("Folder"), where);
    form->addRow(tr("Plots"), formats);
    form->addRow(tr("Preset"), m_preset);
    form->addRow(tr("Size"), size);
    form->addRow(QString(), m_title);
    form->addRow(QString(), m_csv);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
}

void ExportDialog::choosePreset(const QString &preset)
{
    m_preset->setCurrentIndex(qMax(0, m_preset->findData(preset)));
    ExportOptions o;
    if (ExportOptions::forPreset(preset, &o)) {
        m_width->setValue(o.widthPx);
        m_height->setValue(o.heightPx);
        m_dpi->setValue(o.dpi);
    }
    m_title->setChecked(o.title);
    for (QSpinBox *s : {m_width, m_height, m_dpi})
        s->setEnabled(preset.isEmpty());
}

ExportOptions ExportDialog::options() const
{
    ExportOptions o;
    if (!ExportOptions::forPreset(m_preset->currentData().toString(), &o)) {
        o.widthPx = m_width->value();
        o.heightPx = m_height->value();
        o.dpi = m_dpi->value();
    }
    o.title = m_title->isChecked();
    o.formats.clear();
    if (m_pdf->isChecked())
        o.formats << QStringLiteral("pdf");
    if (m_svg->isChecked())
        o.formats << QStringLiteral("svg");
    if (m_png->isChecked())
        o.formats << QStringLiteral("png");
    return o;
}

QString ExportDialog::folder() const
{
    return m_folder->text().trimmed();
}

bool ExportDialog::csv() const
{
    return m_csv->isChecked();
}

} // namespace d3::ui
