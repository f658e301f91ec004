package nl.gehoord.push;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The devices and staff tokens of one batch, read in two queries rather than one per push. */
public record Recipients(Map<String, PushTargetDao.DeviceTarget> devices, Map<String, PushTargetDao.StaffTarget> staff) {
    public static Recipients load(PushTargetDao targets, List<OutboxDao.Row> rows) {
        Set<String> deviceIds = new LinkedHashSet<>();
        Set<String> staffIds = new LinkedHashSet<>();
        for (OutboxDao.Row row : rows) {
            if (row.deviceId() != null) {
                deviceIds.add(row.deviceId());
            } else {
                staffIds.add(row.staffId());
            }
        }
        Map<String, PushTargetDao.DeviceTarget> devices = new HashMap<>();
        if (!deviceIds.isEmpty()) {
            targets.devices(deviceIds).forEach(d -> devices.put(d.id(), d));
        }
        Map<String, PushTargetDao.StaffTarget> staff = new HashMap<>();
        if (!staffIds.isEmpty()) {
            targets.staffTokens(staffIds).forEach(s -> staff.put(s.id(), s));
        }
        return new Recipients(devices, staff);
    }

    Optional<PushTargetDao.DeviceTarget> device(String deviceId) {
        return Optional.ofNullable(devices.get(deviceId));
    }

    /** An active staff member with a token: the sealed token and the language they read pushes in. */
    Optional<PushTargetDao.StaffTarget> staffMember(String staffId) {
        return Optional.ofNullable(staff.get(staffId));
    }
}
