package nl.gehoord.intake;

import java.time.Instant;
import java.util.List;
import nl.gehoord.crypto.SecretHasher;
import nl.gehoord.db.Database;
import nl.gehoord.http.Actor;
import nl.gehoord.http.ApiException;
import nl.gehoord.text.Language;
import nl.gehoord.text.Messages;

/**
 * The phones that follow a case, as any of them sees them: the kind of phone, since when, and which one is this
 * one. Any of them may remove another (a phone someone else claimed the case on) or itself. A link is named by a
 * keyed digest of case and device, so the list gives away no device id and nothing that links the same phone
 * across cases. Removing the last link leaves the case as deleting an app install does: kept, and claimable
 * again with its code; erasure stays the young person's own step.
 */
public final class CaseDevicesService {
    private final Database db;
    private final SecretHasher hasher;
    private final Messages messages;

    public CaseDevicesService(Database db, SecretHasher hasher, Messages messages) {
        this.db = db;
        this.hasher = hasher;
        this.messages = messages;
    }

    public record LinkedDeviceView(String linkId, String platform, String label, Instant linkedAt,
                                   boolean thisDevice) {
    }

    public List<LinkedDeviceView> list(Actor.Device device, String caseId, Language language) {
        return db.read(h -> {
            CaseDao cases = h.attach(CaseDao.class);
            cases.forDevice(caseId, device.deviceId()).orElseThrow(ApiException::notFound);
            return cases.linkedDevices(caseId).stream().map(d -> {
                boolean self = d.deviceId().equals(device.deviceId());
                String label = messages.get(language, self ? "device.this" : "device.platform." + d.platform());
                return new LinkedDeviceView(linkId(caseId, d.deviceId()), d.platform(), label,
                        Instant.ofEpochMilli(d.linkedAt()), self);
            }).toList();
        });
    }

    /** Removes one phone's link to a case this device follows; an unknown link is 404, like another case. */
    public void unlink(Actor.Device device, String caseId, String linkId) {
        db.writeVoid(h -> {
            CaseDao cases = h.attach(CaseDao.class);
            cases.forDevice(caseId, device.deviceId()).orElseThrow(ApiException::notFound);
            String deviceId = cases.linkedDevices(caseId).stream().map(CaseDao.LinkedDevice::deviceId)
                    .filter(id -> SecretHasher.constantTimeEquals(linkId(caseId, id), linkId))
                    .findFirst().orElseThrow(ApiException::notFound);
            cases.unlink(caseId, deviceId);
        });
    }

    private String linkId(String caseId, String deviceId) {
        return hasher.hmac("case-device\n" + caseId + "\n" + deviceId).substring(0, 32);
    }
}
