fn main() {
    partner_console::start();
}
