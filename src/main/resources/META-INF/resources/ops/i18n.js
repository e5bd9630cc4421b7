// The operations center's words, Vietnamese first. Keys are what the page means, not where it says it.
export const WORDS = {
  vi: {
    title: 'Trung tâm điều hành — hồ sơ thủ tục hành chính Hà Nội',
    today: 'Hôm nay', period: 'Kỳ', from: 'Từ ngày', to: 'Đến ngày',
    received: 'Tiếp nhận', online: 'Trực tuyến', resolved: 'Đã giải quyết', resolvedLate: 'Giải quyết quá hạn',
    onTime: 'Đúng hạn (766)', open: 'Đang xử lý', overdue: 'Đang quá hạn', atRisk: 'Sắp đến hạn',
    breached: 'Vừa quá hạn', apologies: 'Thư xin lỗi', points: 'Điểm 766 tính được',
    trendHourly: 'Diễn biến theo giờ (24 giờ qua)', trendDaily: 'Diễn biến theo ngày (14 ngày qua)',
    scoreboard: 'Bảng xếp hạng Quyết định 766', level_COMMUNE: 'Phường, xã', level_DISTRICT: 'Quận, huyện, thị xã',
    level_CITY: 'Sở, ban, ngành', agency: 'Cơ quan', onlinePayment: 'Thanh toán trực tuyến', score: 'Điểm',
    drill: 'Chi tiết', city: 'Toàn thành phố', under: 'Đơn vị trực thuộc', procedures: 'Thủ tục',
    procedure: 'Thủ tục', dossiers: 'Hồ sơ', dossier: 'Mã hồ sơ', dueAt: 'Hạn trả', overdueHours: 'Quá hạn (giờ làm việc)',
    currentAgency: 'Đang ở', overdueList: 'Hồ sơ quá hạn', atRiskList: 'Hồ sơ sắp đến hạn',
    apologyDuty: 'Nghĩa vụ xin lỗi', apologyIssued: 'Đã xin lỗi, hẹn lại', apologyOwed: 'Chưa xin lỗi',
    newAppointment: 'Ngày hẹn mới', reappointmentMissed: 'Lỡ hẹn lại', feed: 'Cảnh báo trực tiếp',
    kind_AT_RISK: 'Sắp đến hạn', kind_BREACHED: 'Quá hạn', kind_REAPPOINTMENT_BREACHED: 'Lỡ hẹn lại',
    kind_RESOLVED_LATE: 'Giải quyết quá hạn', kind_STEP_BREACHED: 'Quá hạn bước liên thông', kind: 'Loại', detected: 'Phát hiện', live: 'Trực tiếp',
    reconnecting: 'Đang kết nối lại…', pipeline: 'Luồng xử lý (máy này)', wall: 'Màn hình lớn',
    lookup: 'Tra cứu hồ sơ', lookupBoard: 'Bảng tra cứu cho người dân', none: 'Không có', back: 'Quay lại',
    yes: 'Có', no: 'Không', applied: 'Đã áp dụng', rejected: 'Bị từ chối (hàng thư chết)',
    duplicates: 'Trùng lặp bị bỏ', held: 'Đang chờ đúng thứ tự', streams: 'Kafka Streams',
    unregistered: 'thủ tục ngoài danh mục', sortBy: 'Sắp xếp theo', language: 'English', levelTabs: 'Cấp', loading: 'Đang tải…', unavailable: 'Không lấy được',
  },
  en: {
    title: 'Operations center — Hanoi administrative dossiers',
    today: 'Today', period: 'Period', from: 'From', to: 'To',
    received: 'Received', online: 'Online', resolved: 'Resolved', resolvedLate: 'Resolved late',
    onTime: 'On time (766)', open: 'Open', overdue: 'Overdue now', atRisk: 'At risk',
    breached: 'Breached', apologies: 'Apology letters', points: 'Computable 766 points',
    trendHourly: 'Per hour (last 24 hours)', trendDaily: 'Per day (last 14 days)',
    scoreboard: 'Decision 766 scoreboard', level_COMMUNE: 'Communes and wards', level_DISTRICT: 'Districts',
    level_CITY: 'Departments', agency: 'Agency', onlinePayment: 'Online payment', score: 'Points',
    drill: 'Drill-down', city: 'City-wide', under: 'Agencies under it', procedures: 'Procedures',
    procedure: 'Procedure', dossiers: 'Dossiers', dossier: 'Dossier', dueAt: 'Due', overdueHours: 'Overdue (working hours)',
    currentAgency: 'Now at', overdueList: 'Overdue dossiers', atRiskList: 'Dossiers at risk',
    apologyDuty: 'Apology duty', apologyIssued: 'Apologized, re-appointed', apologyOwed: 'Apology owed',
    newAppointment: 'New appointment', reappointmentMissed: 'Re-appointment missed', feed: 'Live alerts',
    kind_AT_RISK: 'At risk', kind_BREACHED: 'Breached', kind_REAPPOINTMENT_BREACHED: 'Re-appointment missed',
    kind_RESOLVED_LATE: 'Resolved late', kind_STEP_BREACHED: 'Inter-agency step late', kind: 'Kind', detected: 'Detected', live: 'Live',
    reconnecting: 'Reconnecting…', pipeline: 'Pipeline (this instance)', wall: 'Wall display',
    lookup: 'Look up a dossier', lookupBoard: 'Citizen lookup board', none: 'None', back: 'Back',
    yes: 'Yes', no: 'No', applied: 'Applied', rejected: 'Rejected (dead-letter topic)',
    duplicates: 'Duplicates dropped', held: 'Held for order', streams: 'Kafka Streams',
    unregistered: 'procedures not in the catalog', sortBy: 'Sort by', language: 'Tiếng Việt', levelTabs: 'Level', loading: 'Loading…', unavailable: 'Unavailable',
  },
};

let lang = localStorage.getItem('pulse-lang') === 'en' ? 'en' : 'vi';

export function t(key) { return WORDS[lang][key] ?? key; }
export function language() { return lang; }
export function switchLanguage() {
  lang = lang === 'vi' ? 'en' : 'vi';
  localStorage.setItem('pulse-lang', lang);
  document.documentElement.lang = lang;
}
/** Fills every element with a data-t attribute with its word. */
export function translate(root = document) {
  document.documentElement.lang = lang;
  root.querySelectorAll('[data-t]').forEach(e => { e.textContent = t(e.dataset.t); });
}
