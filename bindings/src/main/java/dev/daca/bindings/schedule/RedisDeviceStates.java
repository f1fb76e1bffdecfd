package dev.daca.bindings.schedule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.daca.bindings.hotstate.HotStateJson;
import dev.daca.bindings.hotstate.HotStateProperties;
import dev.daca.bindings.hotstate.OnRedisHotState;
import dev.daca.functions.home.SensorReading;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Device state in Redis, one hash per home (keys under {@code daca.hot-state.key-prefix}, default {@code daca:}):
 * <ul>
 * <li>{@code home:<homeId>}: field = device id, value = the last reading as JSON
 * ({@code {"sensor","value","state","room","at"}}, {@code at} in epoch milliseconds);</li>
 * <li>{@code home-commanded:<homeId>}: field = device id, value = the {@code at} of the reading the sweep sent a
 * command for;</li>
 * <li>{@code homes}: the set of home ids the sweep walks.</li>
 * </ul>
 * Both hashes expire {@code daca.hot-state.device-state-ttl} (default 7 days) after the home's last reading: a home
 * that went silent leaves Redis, and the sweep drops it from {@code homes}. "Keep the newer reading" is one Lua
 * script, atomic on the server.
 */
@Component
@OnRedisHotState
class RedisDeviceStates implements DeviceStates {

	private static final RedisScript<Long> RECORD = RedisScript.of("""
			local current = redis.call('HGET', KEYS[1], ARGV[1])
			if not current or cjson.decode(current)['at'] <= tonumber(ARGV[2]) then
				redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
			end
			redis.call('PEXPIRE', KEYS[1], ARGV[4])
			redis.call('PEXPIRE', KEYS[2], ARGV[4])
			redis.call('SADD', KEYS[3], ARGV[5])
			return 1
			""", Long.class);

	/** A reading as stored in its home's hash (the home and device are the key and the field). */
	record Stored(String sensor, Double value, String state, String room, long at) {
	}

	private final StringRedisTemplate redis;

	private final HotStateJson json;

	private final HotStateProperties properties;

	RedisDeviceStates(StringRedisTemplate redis, ObjectMapper mapper, HotStateProperties properties) {
		this.redis = redis;
		this.json = new HotStateJson(mapper);
		this.properties = properties;
	}

	@Override
	public void record(SensorReading reading) {
		Stored stored = new Stored(reading.sensor(), reading.value(), reading.state(), reading.room(),
				reading.at().toEpochMilli());
		redis.execute(RECORD, List.of(readings(reading.homeId()), commanded(reading.homeId()), homes()),
				reading.deviceId(), String.valueOf(stored.at()), json.write(stored),
				String.valueOf(properties.deviceStateTtl().toMillis()), reading.homeId());
	}

	@Override
	public List<DeviceState> withSensor(String sensor) {
		List<DeviceState> states = new ArrayList<>();
		for (String homeId : redis.opsForSet().members(homes())) {
			Map<Object, Object> devices = redis.opsForHash().entries(readings(homeId));
			if (devices.isEmpty()) {
				redis.opsForSet().remove(homes(), homeId); // expired: no reading for device-state-ttl
				continue;
			}
			Map<Object, Object> commanded = redis.opsForHash().entries(commanded(homeId));
			devices.forEach((device, value) -> {
				Stored stored = json.read((String) value, Stored.class);
				if (stored.sensor().equals(sensor)) {
					Object at = commanded.get(device);
					states.add(new DeviceState(
							new SensorReading(homeId, (String) device, stored.sensor(), stored.value(), stored.state(),
									stored.room(), Instant.ofEpochMilli(stored.at()), null),
							at == null ? null : Instant.ofEpochMilli(Long.parseLong((String) at))));
				}
			});
		}
		return states;
	}

	@Override
	public void commanded(SensorReading reading) {
		String key = commanded(reading.homeId());
		redis.opsForHash().put(key, reading.deviceId(), String.valueOf(reading.at().toEpochMilli()));
		redis.expire(key, properties.deviceStateTtl());
	}

	private String readings(String homeId) {
		return properties.key("home", homeId);
	}

	private String commanded(String homeId) {
		return properties.key("home-commanded", homeId);
	}

	private String homes() {
		return properties.key("homes");
	}
}
