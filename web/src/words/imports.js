// Words of the import page: key → [中文, English]. Keys start with "im" so they never collide with other areas.
export default {
  imTemplate: ['下载模板', 'Download template'],
  imExport: ['导出本类数据', 'Export this kind'],
  imExportNote: ['导出的表格可原样再导入', 'The exported sheet imports again as it is'],
  imMapping: ['表头对应', 'Header mapping'],
  imMappingNote: ['每个表头对应的字段；认不出的请选择对应字段，或选“忽略此列”。', 'The field each header is taken for; choose one for the headers not recognised, or ignore them.'],
  imHeader: ['文件中的表头', 'Header in the file'],
  imField: ['对应字段', 'Field'],
  imIgnore: ['忽略此列', 'Ignore this column'],
  imChoose: ['请选择', 'Choose'],
  imMissing: ['尚未对应的必填字段：', 'Required fields not yet mapped: '],
  imColumns: ['字段', 'Fields'],
  imResult: ['{0}：导入 {1} 行，拒收 {2} 行，替换 {3} 行', '{0}: {1} rows imported, {2} rejected, {3} replaced'],
  imOutcome_ok: ['全部导入', 'all imported'],
  imOutcome_partial: ['部分导入（无效行已隔离）', 'partly imported (invalid rows quarantined)'],
}
